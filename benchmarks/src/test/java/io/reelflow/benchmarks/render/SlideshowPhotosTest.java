package io.reelflow.benchmarks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link SlideshowPhotos}. */
class SlideshowPhotosTest {

    @TempDir Path temp;

    @Test
    void shouldPickTheFirstPhotosByNameIgnoringOtherFiles() throws IOException {
        for (String name : List.of("c.jpg", "a.JPG", "b.png", "readme.txt", "d.jpeg")) {
            Files.write(temp.resolve(name), new byte[] {0});
        }
        Files.createDirectory(temp.resolve("0-directory.jpg"));

        List<Path> photos = SlideshowPhotos.firstByName(temp, 3);

        assertThat(photos)
                .extracting(photo -> photo.getFileName().toString())
                .containsExactly("a.JPG", "b.png", "c.jpg");
        assertThat(photos).allMatch(Path::isAbsolute);
    }

    @Test
    void shouldFailWhenTooFewPhotos() throws IOException {
        Files.write(temp.resolve("a.jpg"), new byte[] {0});

        assertThatThrownBy(() -> SlideshowPhotos.firstByName(temp, 12))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("needs 12 photos")
                .hasMessageContaining("found 1");
    }
}
