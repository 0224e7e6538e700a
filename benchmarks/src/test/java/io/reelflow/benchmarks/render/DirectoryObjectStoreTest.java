package io.reelflow.benchmarks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link DirectoryObjectStore}. */
class DirectoryObjectStoreTest {

    @TempDir Path temp;

    @Test
    void shouldCopyAFileInAndOutThroughItsFileUri() throws IOException {
        DirectoryObjectStore store = new DirectoryObjectStore(temp.resolve("store"));
        Path source = Files.write(temp.resolve("photo.jpg"), new byte[] {1, 2, 3, 4});

        String uri = store.put("photos/a/photo.jpg", source, "image/jpeg");
        Path copy = temp.resolve("copy.jpg");
        store.get(uri, copy);

        assertThat(uri).startsWith("file:").endsWith("/store/photos/a/photo.jpg");
        assertThat(Files.readAllBytes(copy)).containsExactly(1, 2, 3, 4);
        assertThat(store.pathOf("photos/a/photo.jpg")).hasBinaryContent(new byte[] {1, 2, 3, 4});
        assertThat(store.fileOf(uri)).isEqualTo(store.pathOf("photos/a/photo.jpg"));
    }

    @Test
    void shouldOverwriteAnExistingKey() throws IOException {
        DirectoryObjectStore store = new DirectoryObjectStore(temp.resolve("store"));
        store.put("k.bin", Files.write(temp.resolve("one"), new byte[] {1}), "x");

        store.put("k.bin", Files.write(temp.resolve("two"), new byte[] {2, 2}), "x");

        assertThat(store.pathOf("k.bin")).hasBinaryContent(new byte[] {2, 2});
    }

    @Test
    void shouldFindOnlyStoredKeys() throws IOException {
        DirectoryObjectStore store = new DirectoryObjectStore(temp.resolve("store"));
        store.put("videos/v.mp4", Files.write(temp.resolve("v"), new byte[] {9}), "video/mp4");

        assertThat(store.find("videos/v.mp4")).contains(store.uriOf("videos/v.mp4"));
        assertThat(store.find("videos/missing.mp4")).isEmpty();
    }

    @Test
    void shouldRefuseKeysAndUrisOutsideTheRoot() throws IOException {
        DirectoryObjectStore store = new DirectoryObjectStore(temp.resolve("store"));
        Path outside = Files.write(temp.resolve("secret"), new byte[] {7});

        assertThatThrownBy(() -> store.put("../escape", outside, "x"))
                .hasMessageContaining("inside the store");
        assertThatThrownBy(() -> store.get(outside.toUri().toString(), temp.resolve("t")))
                .hasMessageContaining("outside the store");
        assertThatThrownBy(() -> store.get("s3://bucket/key", temp.resolve("t")))
                .hasMessageContaining("not a file: URI");
    }

    @Test
    void shouldFailToGetAMissingObject() throws IOException {
        DirectoryObjectStore store = new DirectoryObjectStore(temp.resolve("store"));

        assertThatThrownBy(() -> store.get(store.uriOf("nothing.jpg"), temp.resolve("t")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no object at");
    }
}
