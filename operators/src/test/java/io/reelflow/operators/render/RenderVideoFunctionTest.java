package io.reelflow.operators.render;

import static io.reelflow.operators.render.TestMedia.REQUEST_ID;
import static io.reelflow.operators.render.TestMedia.clip;
import static io.reelflow.operators.render.TestMedia.job;
import static io.reelflow.operators.render.TestMedia.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.operators.testing.RecordingResultFuture;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link RenderVideoFunction}. */
class RenderVideoFunctionTest {

    @TempDir Path temp;

    private Path work;
    private Path storeRoot;
    private RenderVideoFunction function;
    private final CountDownLatch uploading = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() throws Exception {
        work = temp.resolve("work");
        storeRoot = temp.resolve("store");
        GatedStore store = new GatedStore(new DirectoryObjectStore(storeRoot), uploading, release);
        // One thread: the second render can only run once the cancelled one has let go of it.
        function =
                new RenderVideoFunction(
                        () -> store, RenderConfig.defaults().withWorkDirectory(work), 1, 1);
        function.setRuntimeContext(new MockStreamingRuntimeContext(1, 0));
        function.open(DefaultOpenContext.INSTANCE);
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        function.close();
    }

    @Test
    void shouldTakeBackTheUploadsOfARenderThatTimedOutWhileUploading() throws Exception {
        RenderJob job =
                job(
                        spec(0.4, true),
                        List.of(clip(0, "Short", 0, 0.4, ClipSource.TITLE_CARD, null, 1)));
        RecordingResultFuture<RenderedVideo> result = new RecordingResultFuture<>();

        function.asyncInvoke(job, result);
        // The video is on its way to the store (an upload the interrupt cannot stop) ...
        assertThat(uploading.await(60, TimeUnit.SECONDS)).isTrue();
        function.timeout(job, result);
        // ... and lands after the timeout answered.
        release.countDown();

        assertThat(result.outputs())
                .singleElement()
                .satisfies(video -> assertThat(video.getError()).isEqualTo("rendering timed out"));
        assertThat(renderNextJob().getError()).isNull();
        assertThat(result.completions()).isEqualTo(1);
        assertThat(storedFiles()).isNotEmpty().noneMatch(file -> file.contains(REQUEST_ID));
    }

    @Test
    void shouldCancelATimedOutRenderAndLeaveNoObjectOfItsRequest() throws Exception {
        Path photo =
                TestMedia.writePhoto(temp.resolve("photo.png"), 640, 360, TestMedia.GREEN, "png");
        // Ten minutes of 720p: far longer than this test waits, so only a cancel ends it in time.
        RenderSpec long720p =
                RenderSpec.newBuilder(spec(600, true)).setWidth(1280).setHeight(720).build();
        RenderJob slow =
                job(
                        long720p,
                        List.of(
                                clip(
                                        0,
                                        "A long still",
                                        0,
                                        600,
                                        ClipSource.STOCK_PHOTO,
                                        photo.toUri().toString(),
                                        1)));
        RecordingResultFuture<RenderedVideo> slowResult = new RecordingResultFuture<>();

        function.asyncInvoke(slow, slowResult);
        awaitEncoding();
        function.timeout(slow, slowResult);

        assertThat(slowResult.outputs())
                .singleElement()
                .satisfies(video -> assertThat(video.getError()).isEqualTo("rendering timed out"));
        release.countDown();
        assertThat(renderNextJob().getError()).isNull();

        assertThat(slowResult.completions()).isEqualTo(1);
        assertThat(storedFiles()).isNotEmpty().noneMatch(file -> file.contains(REQUEST_ID));
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("render directories left behind").isEmpty();
        }
    }

    /**
     * Renders a short job on the function's only thread: it runs once the cancelled render has let
     * go of the thread and cleaned up after itself.
     */
    private RenderedVideo renderNextJob() throws Exception {
        RenderJob next =
                RenderJob.newBuilder(
                                job(
                                        spec(0.4, false),
                                        List.of(
                                                clip(
                                                        0,
                                                        "Next",
                                                        0,
                                                        0.4,
                                                        ClipSource.TITLE_CARD,
                                                        null,
                                                        1))))
                        .setRequestId("req-next")
                        .build();
        RecordingResultFuture<RenderedVideo> result = new RecordingResultFuture<>();
        function.asyncInvoke(next, result);
        return result.result.get(120, TimeUnit.SECONDS).get(0);
    }

    /** Waits until the render has its encoder open, so the timeout hits it mid-video. */
    private void awaitEncoding() throws IOException, InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (Files.isDirectory(work)) {
                try (Stream<Path> files = Files.walk(work)) {
                    if (files.anyMatch(
                            f -> f.getFileName().toString().equals("video.mp4") && sizeOf(f) > 0)) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the render never started encoding");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * A store whose first video upload, once {@code uploading} is counted down, waits for {@code
     * release} and cannot be interrupted: like an S3 upload that is already on the wire.
     */
    private static final class GatedStore implements ObjectStore {
        private final ObjectStore delegate;
        private final CountDownLatch uploading;
        private final CountDownLatch release;

        GatedStore(ObjectStore delegate, CountDownLatch uploading, CountDownLatch release) {
            this.delegate = delegate;
            this.uploading = uploading;
            this.release = release;
        }

        @Override
        public String put(String key, Path file, String contentType) throws IOException {
            if (key.startsWith("videos/") && key.contains(REQUEST_ID)) {
                uploading.countDown();
                boolean interrupted = false;
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.put(key, file, contentType);
        }

        @Override
        public void get(String uri, Path target) throws IOException {
            delegate.get(uri, target);
        }

        @Override
        public void delete(String key) throws IOException {
            delegate.delete(key);
        }

        @Override
        public Optional<String> find(String key) throws IOException {
            return delegate.find(key);
        }

        @Override
        public String uriOf(String key) {
            return delegate.uriOf(key);
        }

        @Override
        public void close() {}
    }

    private List<String> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storeRoot)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> storeRoot.relativize(f).toString())
                    .toList();
        }
    }
}
