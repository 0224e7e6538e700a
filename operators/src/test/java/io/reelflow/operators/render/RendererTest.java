package io.reelflow.operators.render;

import static io.reelflow.operators.render.TestMedia.BLUE;
import static io.reelflow.operators.render.TestMedia.FPS;
import static io.reelflow.operators.render.TestMedia.GREEN;
import static io.reelflow.operators.render.TestMedia.GREY;
import static io.reelflow.operators.render.TestMedia.HEIGHT;
import static io.reelflow.operators.render.TestMedia.RED;
import static io.reelflow.operators.render.TestMedia.REQUEST_ID;
import static io.reelflow.operators.render.TestMedia.RUN_ID;
import static io.reelflow.operators.render.TestMedia.WIDTH;
import static io.reelflow.operators.render.TestMedia.clip;
import static io.reelflow.operators.render.TestMedia.credit;
import static io.reelflow.operators.render.TestMedia.decodeFrames;
import static io.reelflow.operators.render.TestMedia.difference;
import static io.reelflow.operators.render.TestMedia.job;
import static io.reelflow.operators.render.TestMedia.mean;
import static io.reelflow.operators.render.TestMedia.near;
import static io.reelflow.operators.render.TestMedia.spec;
import static io.reelflow.operators.render.TestMedia.subtitleArea;
import static io.reelflow.operators.render.TestMedia.upperHalf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.quality.QualityScorer;
import io.reelflow.operators.render.internal.MediaProbe;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Renderer}. */
class RendererTest {

    @TempDir Path temp;

    private Path media;
    private Path work;
    private DirectoryObjectStore store;

    @BeforeEach
    void setUp() throws IOException {
        media = Files.createDirectories(temp.resolve("media"));
        work = temp.resolve("work");
        store = new DirectoryObjectStore(temp.resolve("store"));
    }

    private Renderer renderer() {
        return new Renderer(store, RenderConfig.defaults().withWorkDirectory(work));
    }

    private String uri(Path file) {
        return file.toUri().toString();
    }

    private List<BufferedImage> framesOf(RenderedVideo video) throws IOException {
        return decodeFrames(store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID)));
    }

    @Test
    void shouldRenderMixedScenesAsH264WithExactFrameCount() throws IOException {
        // A 4:3 clip whose top quarter is red: covering 16:9 crops 30 rows off the top, so only
        // the first ~30 output rows are red (a stretch would keep 45, a letterbox adds black bars).
        Path clipFile =
                TestMedia.writeClip(
                        media.resolve("clip.mp4"),
                        "libx264",
                        240,
                        180,
                        FPS,
                        50,
                        i -> {
                            BufferedImage image = TestMedia.solid(240, 180, BLUE);
                            var g = image.createGraphics();
                            g.setColor(RED);
                            g.fillRect(0, 0, 240, 45);
                            g.dispose();
                            return image;
                        });
        Path photo = TestMedia.writePhoto(media.resolve("photo.png"), 400, 300, GREEN, "png");
        // 3.01 s at 25 fps is 75.25 frames: rounds to 75, scene boundaries at frames 25 and 50.
        RenderJob job =
                job(
                        spec(3.01, true),
                        List.of(
                                clip(
                                        0,
                                        "A clip",
                                        0,
                                        1.013,
                                        ClipSource.STOCK_CLIP,
                                        uri(clipFile),
                                        3),
                                clip(
                                        1,
                                        "A photo",
                                        1.013,
                                        2.0,
                                        ClipSource.STOCK_PHOTO,
                                        uri(photo),
                                        3),
                                clip(
                                        2,
                                        "A title card",
                                        2.0,
                                        3.01,
                                        ClipSource.TITLE_CARD,
                                        null,
                                        3)));

        RenderedVideo video = renderer().render(job);

        Path file = store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID));
        assertThat(video.getVideoUri()).isEqualTo(uri(file));
        assertThat(video.getCodec()).isEqualTo("h264");
        assertThat(video.getWidth()).isEqualTo(WIDTH);
        assertThat(video.getHeight()).isEqualTo(HEIGHT);
        assertThat(video.getDurationSeconds()).isCloseTo(3.0, within(0.5 / FPS));
        assertThat(video.getSceneCount()).isEqualTo(3);
        assertThat(video.getDegraded()).isFalse();
        MediaProbe.VideoInfo probed = MediaProbe.probe(file);
        assertThat(probed.codec()).isEqualTo("h264");

        List<BufferedImage> frames = framesOf(video);
        assertThat(frames).hasSize(75);
        BufferedImage clipFrame = frames.get(12);
        assertThat(mean(clipFrame, new Rectangle(20, 8, 280, 12)))
                .matches(c -> near(c, RED, 40), "near RED");
        assertThat(mean(clipFrame, new Rectangle(20, 40, 280, 20)))
                .matches(c -> near(c, BLUE, 40), "near BLUE");
        assertThat(mean(clipFrame, new Rectangle(0, 60, 6, 60)))
                .matches(c -> near(c, BLUE, 40), "near BLUE");
        assertThat(mean(frames.get(24), new Rectangle(0, 40, WIDTH, 50)))
                .matches(c -> near(c, BLUE, 40), "near BLUE");
        assertThat(mean(frames.get(25), upperHalf()))
                .matches(c -> near(c, GREEN, 40), "near GREEN");
        assertThat(mean(frames.get(49), upperHalf()))
                .matches(c -> near(c, GREEN, 40), "near GREEN");
        Color card = mean(frames.get(62), new Rectangle(0, 0, WIDTH, 30));
        assertThat(card.getBlue()).isBetween(40, 100);
        assertThat(card.getRed()).isLessThan(card.getBlue());
    }

    @Test
    void shouldProduceAVideoThatPassesQualityScoring() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("photo.jpg"), 320, 240, GREY, "jpg");
        RenderJob job =
                job(
                        spec(2.0, true),
                        List.of(
                                clip(0, "Title", 0, 1.0, ClipSource.TITLE_CARD, null, 2),
                                clip(1, "Photo", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 2)));

        renderer().render(job);

        QualityReport report =
                new QualityScorer()
                        .score(store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID)), job.getSpec());
        assertThat(report.getReasons()).isEmpty();
        assertThat(report.getPassed()).isTrue();
        assertThat(report.getScore()).isEqualTo(100.0);
    }

    @Test
    void shouldLoopClipShorterThanItsScene() throws IOException {
        // One second: red for the first half, blue for the second.
        Path clipFile =
                TestMedia.writeSolidClip(
                        media.resolve("short.mp4"), 160, 90, FPS, 25, i -> i < 13 ? RED : BLUE);
        RenderJob job =
                job(
                        spec(3.0, false),
                        List.of(clip(0, "Loop", 0, 3.0, ClipSource.GENERATED, uri(clipFile), 1)));

        RenderedVideo video = renderer().render(job);

        List<BufferedImage> frames = framesOf(video);
        assertThat(frames).hasSize(75);
        Rectangle all = new Rectangle(0, 0, WIDTH, HEIGHT);
        assertThat(mean(frames.get(5), all)).matches(c -> near(c, RED, 40), "near RED");
        assertThat(mean(frames.get(20), all)).matches(c -> near(c, BLUE, 40), "near BLUE");
        assertThat(mean(frames.get(30), all))
                .as("second pass")
                .matches(c -> near(c, RED, 40), "near RED");
        assertThat(mean(frames.get(45), all)).matches(c -> near(c, BLUE, 40), "near BLUE");
        assertThat(mean(frames.get(55), all))
                .as("third pass")
                .matches(c -> near(c, RED, 40), "near RED");
        assertThat(video.getDegraded()).isFalse();
    }

    @Test
    void shouldPlayClipAtItsOwnSpeedWhenItsFrameRateDiffers() throws IOException {
        // 50 fps for 2 s: red in the first second, blue in the second. Taken frame by frame
        // instead of by time, a 25 fps video would show red for its whole 2 s.
        Path clipFile =
                TestMedia.writeSolidClip(
                        media.resolve("fast.mp4"), 160, 90, 50, 100, i -> i < 50 ? RED : BLUE);
        RenderJob job =
                job(
                        spec(2.0, false),
                        List.of(clip(0, "", 0, 2.0, ClipSource.STOCK_CLIP, uri(clipFile), 1)));

        List<BufferedImage> frames = framesOf(renderer().render(job));

        Rectangle all = new Rectangle(0, 0, WIDTH, HEIGHT);
        assertThat(mean(frames.get(10), all)).matches(c -> near(c, RED, 40), "near RED");
        assertThat(mean(frames.get(40), all)).matches(c -> near(c, BLUE, 40), "near BLUE");
    }

    @Test
    void shouldFallBackToTitleCardsWhenMediaIsMissingOrCorrupt() throws IOException {
        Path corruptClip = TestMedia.writeGarbage(media.resolve("corrupt.mp4"));
        Path corruptPhoto = TestMedia.writeGarbage(media.resolve("corrupt.jpg"));
        String missing = uri(media.resolve("missing.mp4"));
        RenderJob job =
                job(
                        spec(3.0, true),
                        List.of(
                                clip(0, "Missing", 0, 1.0, ClipSource.STOCK_CLIP, missing, 3),
                                clip(
                                        1,
                                        "Corrupt",
                                        1.0,
                                        2.0,
                                        ClipSource.GENERATED,
                                        uri(corruptClip),
                                        3),
                                clip(
                                        2,
                                        "Bad photo",
                                        2.0,
                                        3.0,
                                        ClipSource.STOCK_PHOTO,
                                        uri(corruptPhoto),
                                        3)));

        RenderedVideo video = renderer().render(job);

        assertThat(video.getDegraded()).isTrue();
        assertThat(video.getNotes())
                .anySatisfy(
                        n -> assertThat(n).startsWith("scene 0: STOCK_CLIP media download failed"))
                .anySatisfy(n -> assertThat(n).startsWith("scene 1: GENERATED media unreadable"))
                .anySatisfy(n -> assertThat(n).startsWith("scene 2: STOCK_PHOTO media unreadable"));
        assertThat(video.getNotes().stream().filter(n -> n.endsWith("title card shown")))
                .hasSize(3);
        List<BufferedImage> frames = framesOf(video);
        assertThat(frames).hasSize(75);
        for (int frame : new int[] {12, 37, 62}) {
            Color top = mean(frames.get(frame), new Rectangle(0, 0, WIDTH, 30));
            assertThat(top.getBlue()).as("frame %d", frame).isBetween(40, 100);
            assertThat(top.getRed()).as("frame %d", frame).isLessThan(top.getBlue());
        }
    }

    @Test
    void shouldBurnSubtitlesOnlyWhereCued() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        List<SceneClip> clips =
                List.of(
                        clip(0, "Hello subtitles", 0, 1.0, ClipSource.STOCK_PHOTO, uri(photo), 2),
                        clip(1, "", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 2));

        List<BufferedImage> with = framesOf(renderer().render(job(spec(2.0, true), clips)));
        List<BufferedImage> without = framesOf(renderer().render(job(spec(2.0, false), clips)));

        assertThat(difference(with.get(12), without.get(12), subtitleArea())).isGreaterThan(5);
        assertThat(difference(with.get(12), without.get(12), upperHalf())).isLessThan(3);
        assertThat(difference(with.get(37), without.get(37), subtitleArea())).isLessThan(3);
    }

    @Test
    void shouldRenderHostileSubtitleTextLiterally() throws IOException {
        String hostile = "It's 10:30 \\ C:\\temp %{pts} 100% ;drop, [x] {y}\nsecond line 'q'";
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        RenderJob job =
                job(
                        spec(2.0, true),
                        List.of(clip(0, hostile, 0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 1)));

        RenderedVideo video = renderer().render(job);

        assertThat(framesOf(video)).hasSize(50);
        String srt = Files.readString(store.pathOf(Renderer.subtitlesKey(RUN_ID, REQUEST_ID)));
        assertThat(srt)
                .isEqualTo(
                        "1\n00:00:00,000 --> 00:00:02,000\n"
                                + "It's 10:30 \\ C:\\temp %{pts} 100% ;drop,\n"
                                + "[x] {y} second line 'q'\n\n");
        assertThat(Files.readString(store.pathOf(Renderer.webVttKey(RUN_ID, REQUEST_ID))))
                .startsWith("WEBVTT")
                .contains("00:00:00.000 --> 00:00:02.000", "[x] {y} second line 'q'");
    }

    @Test
    void shouldWriteThumbnailAndSrtOnFrameBoundaries() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("green.png"), 320, 180, GREEN, "png");
        String longText = "This scene has a rather long sentence that needs two lines to show";
        // 1.23 s falls between frames 30 and 31 at 25 fps: the picture changes at frame 31.
        RenderJob job =
                job(
                        spec(3.0, true),
                        List.of(
                                clip(0, "First", 0, 1.23, ClipSource.STOCK_PHOTO, uri(photo), 2),
                                clip(1, longText, 1.23, 3.0, ClipSource.TITLE_CARD, null, 2)));

        RenderedVideo video = renderer().render(job);

        assertThat(video.getThumbnailUri())
                .isEqualTo(store.uriOf(Renderer.thumbnailKey(RUN_ID, REQUEST_ID)));
        BufferedImage thumbnail =
                ImageIO.read(store.pathOf(Renderer.thumbnailKey(RUN_ID, REQUEST_ID)).toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(WIDTH);
        assertThat(thumbnail.getHeight()).isEqualTo(HEIGHT);
        assertThat(mean(thumbnail, new Rectangle(0, 0, WIDTH, HEIGHT)))
                .matches(c -> near(c, GREEN, 30), "near GREEN");

        assertThat(video.getSubtitlesUri())
                .isEqualTo(store.uriOf(Renderer.subtitlesKey(RUN_ID, REQUEST_ID)));
        String srt =
                Files.readString(
                        store.pathOf(Renderer.subtitlesKey(RUN_ID, REQUEST_ID)),
                        StandardCharsets.UTF_8);
        assertThat(srt)
                .isEqualTo(
                        "1\n00:00:00,000 --> 00:00:01,240\nFirst\n\n"
                                + "2\n00:00:01,240 --> 00:00:03,000\n"
                                + "This scene has a rather long sentence that\n"
                                + "needs two lines to show\n\n");
    }

    @Test
    void shouldFallBackToLibx264WithNoteWhenNvencIsUnavailable() throws IOException {
        RenderJob job =
                job(
                        spec(1.0, false),
                        List.of(clip(0, "Card", 0, 1.0, ClipSource.TITLE_CARD, null, 1)));

        RenderedVideo video = renderer().render(job);

        assertThat(video.getCodec()).isEqualTo("h264");
        assertThat(video.getNotes())
                .anySatisfy(
                        n -> assertThat(n).startsWith("encoder libx264 (h264_nvenc unavailable: "));
    }

    @Test
    void shouldFailWhenOnlyNvencIsAllowedAndUnavailable() {
        RenderJob job =
                job(
                        spec(1.0, false),
                        List.of(clip(0, "Card", 0, 1.0, ClipSource.TITLE_CARD, null, 1)));
        Renderer nvencOnly =
                new Renderer(
                        store,
                        RenderConfig.defaults()
                                .withWorkDirectory(work)
                                .withEncoder(VideoEncoder.NVENC));

        assertThatThrownBy(() -> nvencOnly.render(job))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no usable H.264 encoder: h264_nvenc unavailable");
        assertThat(store.find(Renderer.videoKey(RUN_ID, REQUEST_ID))).isEmpty();
    }

    @Test
    void shouldCollectCreditsNotesAndUpstreamDegradationAndFetchEachUriOnce() throws IOException {
        Path clipFile =
                TestMedia.writeSolidClip(media.resolve("c.mp4"), 160, 90, FPS, 25, i -> BLUE);
        SceneClip first = clip(0, "One", 0, 1.0, ClipSource.STOCK_CLIP, uri(clipFile), 4);
        first.setCredit(credit("asset-a"));
        SceneClip second = clip(1, "Two", 1.0, 2.0, ClipSource.STOCK_CLIP, uri(clipFile), 4);
        second.setCredit(credit("asset-a"));
        SceneClip third = clip(2, "Three", 2.0, 3.0, ClipSource.TITLE_CARD, null, 4);
        third.setDegraded(true);
        third.setNote("generation timed out");
        SceneClip fourth =
                clip(
                        3,
                        "Four",
                        3.0,
                        4.0,
                        ClipSource.STOCK_PHOTO,
                        uri(media.resolve("gone.png")),
                        4);
        fourth.setCredit(credit("asset-b"));
        CountingStore counting = new CountingStore(store);

        RenderedVideo video =
                new Renderer(counting, RenderConfig.defaults().withWorkDirectory(work))
                        .render(job(spec(4.0, false), List.of(first, second, third, fourth)));

        assertThat(counting.gets).containsExactly(uri(clipFile), uri(media.resolve("gone.png")));
        assertThat(video.getCredits()).containsExactly(credit("asset-a"));
        assertThat(video.getDegraded()).isTrue();
        assertThat(video.getNotes()).contains("scene 2: generation timed out");
        assertThat(counting.puts)
                .containsExactly(
                        Renderer.videoKey(RUN_ID, REQUEST_ID),
                        Renderer.thumbnailKey(RUN_ID, REQUEST_ID),
                        Renderer.contactSheetKey(RUN_ID, REQUEST_ID),
                        Renderer.subtitlesKey(RUN_ID, REQUEST_ID),
                        Renderer.webVttKey(RUN_ID, REQUEST_ID));
    }

    @Test
    void shouldRenderConcurrentJobsIndependentlyAndCleanUpTheirWorkDirectories() throws Exception {
        Renderer renderer = renderer();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<RenderedVideo>> renders = new ArrayList<>();
            for (String requestId : List.of("a", "b")) {
                RenderJob job =
                        job(
                                spec(2.0, true),
                                List.of(
                                        clip(
                                                0,
                                                requestId,
                                                0,
                                                2.0,
                                                ClipSource.TITLE_CARD,
                                                null,
                                                1)));
                job.setRequestId(requestId);
                renders.add(
                        CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return renderer.render(job);
                                    } catch (IOException e) {
                                        throw new IllegalStateException(e);
                                    }
                                },
                                executor));
            }
            for (CompletableFuture<RenderedVideo> render : renders) {
                RenderedVideo video = render.get();
                assertThat(
                                decodeFrames(
                                        store.pathOf(
                                                Renderer.videoKey(RUN_ID, video.getRequestId()))))
                        .hasSize(50);
            }
        } finally {
            executor.shutdownNow();
        }
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void shouldRejectOddFrameSize() {
        RenderJob job =
                job(
                        spec(1.0, false),
                        List.of(clip(0, "Card", 0, 1.0, ClipSource.TITLE_CARD, null, 1)));
        job.getSpec().setWidth(321);

        assertThatThrownBy(() -> renderer().render(job))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be even");
    }

    @Test
    void shouldRejectIdsThatWouldEscapeTheirKeyPrefix() {
        RenderJob job =
                job(
                        spec(1.0, false),
                        List.of(clip(0, "Card", 0, 1.0, ClipSource.TITLE_CARD, null, 1)));
        job.setRunId("../other");

        assertThatThrownBy(() -> renderer().render(job))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runId");
    }

    /** Records the store calls a render makes. */
    private static final class CountingStore implements ObjectStore {
        private final ObjectStore delegate;
        final List<String> gets = new ArrayList<>();
        final List<String> puts = new ArrayList<>();

        CountingStore(ObjectStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized String put(String key, Path file, String contentType)
                throws IOException {
            puts.add(key);
            return delegate.put(key, file, contentType);
        }

        @Override
        public synchronized void get(String uri, Path target) throws IOException {
            gets.add(uri);
            delegate.get(uri, target);
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
}
