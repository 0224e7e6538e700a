package io.reelflow.operators.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ImageLimits}. */
class ImageLimitsTest {

    @TempDir Path dir;

    @Test
    void shouldRefuseAPngDeclaringTenGigapixelsFromItsHeaderAlone() throws IOException {
        Path bomb = TestMedia.writePngDeclaring(dir.resolve("bomb.png"), 100_000, 100_000);
        assertThat(Files.size(bomb)).isLessThan(100);

        assertThatThrownBy(() -> ImageLimits.defaults().check(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessage("image is 100000x100000 (10000.0 MP), more than the 64.0 MP allowed");
    }

    @Test
    void shouldRefuseAFileOverTheByteCapBeforeReadingIt() throws IOException {
        Path photo = TestMedia.writePhoto(dir.resolve("photo.png"), 64, 64, TestMedia.RED, "png");
        ImageLimits limits = ImageLimits.defaults().withMaxBytes(Files.size(photo) - 1);

        assertThatThrownBy(() -> limits.check(photo))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessage(
                        "image file is "
                                + Files.size(photo)
                                + " bytes, more than the "
                                + (Files.size(photo) - 1)
                                + " bytes allowed");
    }

    @Test
    void shouldPassAnOrdinaryPhotoWithItsDeclaredSize() throws IOException {
        Path photo = TestMedia.writePhoto(dir.resolve("photo.jpg"), 640, 360, TestMedia.RED, "jpg");

        assertThat(ImageLimits.defaults().check(photo))
                .contains(new ImageLimits.Dimensions(640, 360));
    }

    @Test
    void shouldLeaveFormatsImageIoLacksToTheFfmpegCheck() throws IOException {
        Path garbage = TestMedia.writeGarbage(dir.resolve("photo.webp"));

        assertThat(ImageLimits.defaults().check(garbage)).isEmpty();
    }
}
