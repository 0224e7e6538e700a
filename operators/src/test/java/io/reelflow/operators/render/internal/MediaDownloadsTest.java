package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link MediaDownloads}. */
class MediaDownloadsTest {

    @TempDir Path temp;

    @Test
    void shouldFetchEachUriOnceInOrderAndKeepFailuresPerUri() throws IOException {
        FakeStore store = new FakeStore();

        try (MediaDownloads downloads =
                MediaDownloads.start(
                        List.of("s3://b/a.jpg", "s3://b/gone.png", "s3://b/a.jpg", "s3://b/c.mp4"),
                        store,
                        temp,
                        Cancellation.none())) {
            MediaDownloads.Download last = downloads.await("s3://b/c.mp4");
            MediaDownloads.Download first = downloads.await("s3://b/a.jpg");
            MediaDownloads.Download gone = downloads.await("s3://b/gone.png");

            assertThat(first.file()).isEqualTo(temp.resolve("media-0.jpg"));
            assertThat(Files.readString(first.file())).isEqualTo("s3://b/a.jpg");
            assertThat(last.file()).isEqualTo(temp.resolve("media-2.mp4"));
            assertThat(gone.file()).isNull();
            assertThat(gone.error()).isEqualTo("no such object: s3://b/gone.png");
            assertThat(downloads.await("s3://b/never-asked.jpg").error())
                    .isEqualTo("not among the render's media");
        }
        assertThat(store.gets).containsExactly("s3://b/a.jpg", "s3://b/gone.png", "s3://b/c.mp4");
    }

    @Test
    void shouldLetTheFirstSceneOpenBeforeTheLaterOnesArrive() throws Exception {
        FakeStore store = new FakeStore();
        store.holdAfterFirst = new CountDownLatch(1);

        try (MediaDownloads downloads =
                MediaDownloads.start(
                        List.of("s3://b/a.jpg", "s3://b/c.jpg"),
                        store,
                        temp,
                        Cancellation.none())) {
            assertThat(downloads.await("s3://b/a.jpg").file()).exists();
            assertThat(temp.resolve("media-1.jpg")).doesNotExist();

            store.holdAfterFirst.countDown();

            assertThat(downloads.await("s3://b/c.jpg").file()).exists();
        }
    }

    @Test
    void shouldFetchNothingMoreOnceTheRenderIsCancelled() {
        FakeStore store = new FakeStore();
        Cancellation cancellation = Cancellation.none();
        cancellation.cancel();

        try (MediaDownloads downloads =
                MediaDownloads.start(List.of("s3://b/a.jpg"), store, temp, cancellation)) {
            assertThat(downloads.await("s3://b/a.jpg").error())
                    .isEqualTo("not fetched: the render stopped");
        }
        assertThat(store.gets).isEmpty();
    }

    @Test
    void shouldStopAndWaitForTheThreadWhenClosed() {
        FakeStore store = new FakeStore();
        store.holdAfterFirst = new CountDownLatch(1);
        MediaDownloads downloads =
                MediaDownloads.start(
                        List.of("s3://b/a.jpg", "s3://b/c.jpg", "s3://b/d.jpg"),
                        store,
                        temp,
                        Cancellation.none());
        downloads.await("s3://b/a.jpg");

        downloads.close();

        // The held fetch was interrupted; the one after it was never tried.
        assertThat(downloads.await("s3://b/c.jpg").file()).isNull();
        assertThat(downloads.await("s3://b/d.jpg").error())
                .isEqualTo("not fetched: the render stopped");
        assertThat(store.gets).doesNotContain("s3://b/d.jpg");
    }

    /** Writes each URI into its target, fails for "gone" ones, may hold fetches after the first. */
    private static final class FakeStore implements ObjectStore {
        final List<String> gets = new ArrayList<>();
        volatile CountDownLatch holdAfterFirst;

        @Override
        public void get(String uri, Path target) throws IOException {
            synchronized (this) {
                gets.add(uri);
            }
            if (gets.size() > 1 && holdAfterFirst != null) {
                try {
                    holdAfterFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (uri.contains("gone")) {
                throw new IOException("no such object: " + uri);
            }
            Files.writeString(target, uri);
        }

        @Override
        public String put(String key, Path file, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> find(String key) {
            return Optional.empty();
        }

        @Override
        public String uriOf(String key) {
            return "s3://b/" + key;
        }

        @Override
        public void close() {}
    }
}
