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

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.quality.LabelledVideos;
import io.reelflow.operators.quality.QualityScorer;
import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.operators.render.internal.MediaProbe;
import io.reelflow.operators.testing.DirectoryObjectStore;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
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
        Path photo = media.resolve("photo.jpg");
        ImageIO.write(LabelledVideos.detailed(3), "jpg", photo.toFile());
        RenderJob job =
                job(
                        spec(2.0, true),
                        List.of(
                                clip(0, "Title", 0, 1.0, ClipSource.TITLE_CARD, null, 2),
                                clip(1, "Photo", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 2)));

        RenderedVideo video = renderer().render(job);

        QualityReport report =
                new QualityScorer()
                        .score(
                                store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID)),
                                RenderedVideo.newBuilder(video).setJob(job).build());
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
        assertThat(video.getDegradedReasons())
                .containsExactly(
                        "scene 0: STOCK_CLIP media download failed, title card shown",
                        "scene 1: GENERATED media unreadable, title card shown",
                        "scene 2: STOCK_PHOTO media unreadable, title card shown");
        assertThat(video.getNotes()).noneMatch(note -> note.contains(work.toString()));
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
    void shouldStoreARenderUnderItsObjectNameAndCarryItsJob() throws IOException {
        RenderJob job =
                job(
                        spec(1.0, false),
                        List.of(clip(0, "Again", 0, 1.0, ClipSource.TITLE_CARD, null, 1)));

        RenderedVideo video = renderer().render(job, "second-take", Cancellation.none());

        assertThat(video.getJob()).isEqualTo(job);
        assertThat(video.getRequestId()).isEqualTo(REQUEST_ID);
        assertThat(video.getVideoUri())
                .isEqualTo(store.uriOf(Renderer.videoKey(RUN_ID, "second-take")));
        for (String key : Renderer.objectKeys(RUN_ID, "second-take")) {
            assertThat(store.find(key)).as(key).isPresent();
        }
        for (String key : Renderer.objectKeys(RUN_ID, REQUEST_ID)) {
            assertThat(store.find(key)).as(key).isEmpty();
        }
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

    /** FFmpeg pads decoded rows (to 64 bytes), so odd widths such as a sidecar's 428 must work. */
    @Test
    void shouldShowClipsWhoseWidthsFFmpegPads() throws IOException {
        Path wide =
                TestMedia.writeSolidClip(media.resolve("wide.mp4"), 428, 240, FPS, 25, i -> RED);
        Path square =
                TestMedia.writeSolidClip(media.resolve("square.mp4"), 240, 240, FPS, 25, i -> BLUE);
        List<SceneClip> clips =
                List.of(
                        clip(0, "Wide", 0, 1.0, ClipSource.STOCK_CLIP, uri(wide), 1),
                        clip(1, "Square", 1.0, 2.0, ClipSource.STOCK_CLIP, uri(square), 1));

        RenderedVideo video = renderer().render(job(spec(2.0, false), clips));

        assertThat(video.getDegraded()).isFalse();
        assertThat(video.getNotes()).noneMatch(note -> note.contains("title card"));
        List<BufferedImage> frames = framesOf(video);
        Rectangle centre = new Rectangle(WIDTH / 2 - 20, HEIGHT / 2 - 20, 40, 40);
        assertThat(near(mean(frames.get(5), centre), RED, 30)).isTrue();
        assertThat(near(mean(frames.get(45), centre), BLUE, 30)).isTrue();
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
        assertThat(video.getDegradedReasons())
                .containsExactly(
                        "scene 2: generation timed out",
                        "scene 3: STOCK_PHOTO media download failed, title card shown");
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

    private static final Rectangle ALL = new Rectangle(0, 0, WIDTH, HEIGHT);

    private RenderJob twoPhotos(Transition transition, double transitionSeconds)
            throws IOException {
        Path red = TestMedia.writePhoto(media.resolve("red.png"), 320, 180, RED, "png");
        Path blue = TestMedia.writePhoto(media.resolve("blue.png"), 320, 180, BLUE, "png");
        RenderSpec spec = spec(4.0, false);
        spec.setTransition(transition);
        spec.setTransitionSeconds(transitionSeconds);
        return job(
                spec,
                List.of(
                        clip(0, "Red", 0, 2.0, ClipSource.STOCK_PHOTO, uri(red), 2),
                        clip(1, "Blue", 2.0, 4.0, ClipSource.STOCK_PHOTO, uri(blue), 2)));
    }

    @Test
    void shouldWriteExactlyRoundedDurationTimesFpsFramesAt24And25And30Fps() throws IOException {
        for (int fps : new int[] {24, 25, 30}) {
            RenderSpec spec = spec(2.37, false);
            spec.setFps(fps);
            RenderJob job =
                    job(
                            spec,
                            List.of(
                                    clip(0, "One", 0, 1.1, ClipSource.TITLE_CARD, null, 2),
                                    clip(1, "Two", 1.1, 2.37, ClipSource.TITLE_CARD, null, 2)));
            spec.setTransition(Transition.CROSSFADE);

            RenderedVideo video = renderer().render(job);

            assertThat(framesOf(video)).as("%d fps", fps).hasSize((int) Math.round(2.37 * fps));
            assertThat(video.getDurationSeconds()).isCloseTo(2.37, within(1.0 / fps));
        }
    }

    @Test
    void shouldCrossfadeCentredOnTheBoundaryWithoutChangingTheDuration() throws IOException {
        // 0.8 s at 25 fps: frames 40..59 blend, the boundary is frame 50.
        List<BufferedImage> frames =
                framesOf(renderer().render(twoPhotos(Transition.CROSSFADE, 0.8)));

        assertThat(frames).hasSize(100);
        Color boundary = mean(frames.get(50), ALL);
        assertThat(boundary.getRed()).isBetween(90, 170);
        assertThat(boundary.getBlue()).isBetween(90, 170);
        assertThat(mean(frames.get(30), ALL)).matches(c -> near(c, RED, 30), "pure red");
        assertThat(mean(frames.get(70), ALL)).matches(c -> near(c, BLUE, 30), "pure blue");
        assertThat(mean(frames.get(45), ALL).getRed())
                .isGreaterThan(mean(frames.get(55), ALL).getRed());
    }

    @Test
    void shouldFadeThroughBlackAtTheBoundary() throws IOException {
        List<BufferedImage> frames =
                framesOf(renderer().render(twoPhotos(Transition.FADE_BLACK, 0.8)));

        assertThat(frames).hasSize(100);
        Color boundary = mean(frames.get(50), ALL);
        assertThat(Math.max(boundary.getRed(), Math.max(boundary.getGreen(), boundary.getBlue())))
                .isLessThan(40);
        assertThat(mean(frames.get(49), ALL).getRed()).isLessThan(60);
        assertThat(mean(frames.get(30), ALL)).matches(c -> near(c, RED, 30), "pure red");
        assertThat(mean(frames.get(70), ALL)).matches(c -> near(c, BLUE, 30), "pure blue");
    }

    @Test
    void shouldCutInstantlyAtTheBoundaryFrame() throws IOException {
        List<BufferedImage> frames = framesOf(renderer().render(twoPhotos(Transition.CUT, 0.8)));

        assertThat(mean(frames.get(49), ALL)).matches(c -> near(c, RED, 30), "red");
        assertThat(mean(frames.get(50), ALL)).matches(c -> near(c, BLUE, 30), "blue");
    }

    /** Dark on the left, bright on the right, with fine stripes so motion shows everywhere. */
    private Path gradientPhoto(String name) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 360; y++) {
            for (int x = 0; x < 640; x++) {
                int level = 20 + x * 215 / 639;
                int stripe = (x / 3 + y / 3) % 2 == 0 ? 10 : -10;
                int v = Math.max(0, Math.min(255, level + stripe));
                image.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }
        Path file = media.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static int edge(BufferedImage frame, int x) {
        return mean(frame, new Rectangle(x, 20, 4, HEIGHT - 40)).getRed();
    }

    private List<BufferedImage> kenBurns(List<CameraMove> cues) throws IOException {
        SceneClip scene =
                clip(0, "", 0, 2.0, ClipSource.STOCK_PHOTO, uri(gradientPhoto("g.png")), 1);
        scene.getScene().setCameraMoves(cues);
        return framesOf(renderer().render(job(spec(2.0, false), List.of(scene))));
    }

    @Test
    void shouldZoomIntoAPhotoWithoutACameraCue() throws IOException {
        List<BufferedImage> frames = kenBurns(List.of());

        BufferedImage first = frames.get(0);
        BufferedImage last = frames.get(49);
        assertThat(difference(frames.get(20), frames.get(21), ALL)).isGreaterThan(0.2);
        int spreadFirst = edge(first, WIDTH - 4) - edge(first, 0);
        int spreadLast = edge(last, WIDTH - 4) - edge(last, 0);
        assertThat(spreadLast).isLessThan(spreadFirst - 10);
    }

    @Test
    void shouldPanAcrossAPhotoForAPanCue() throws IOException {
        List<BufferedImage> frames = kenBurns(List.of(CameraMove.PAN));

        BufferedImage first = frames.get(0);
        BufferedImage last = frames.get(49);
        assertThat(difference(frames.get(20), frames.get(21), ALL)).isGreaterThan(0.2);
        int leftShift = edge(last, 0) - edge(first, 0);
        int rightShift = edge(last, WIDTH - 4) - edge(first, WIDTH - 4);
        assertThat(Math.abs(leftShift)).isGreaterThan(15);
        assertThat(Integer.signum(rightShift)).isEqualTo(Integer.signum(leftShift));
        assertThat(Math.abs(rightShift - leftShift)).isLessThan(8);
    }

    /** Mean absolute difference between horizontally neighbouring pixels: detail. */
    private static double detail(BufferedImage image, Rectangle area) {
        long sum = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width - 1; x++) {
                sum += Math.abs((image.getRGB(x, y) & 0xff) - (image.getRGB(x + 1, y) & 0xff));
            }
        }
        return (double) sum / (area.width - 1) / area.height;
    }

    @Test
    void shouldPadAPortraitPhotoWithABlurredCopyOfItself() throws IOException {
        BufferedImage portrait = new BufferedImage(180, 320, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 180; x++) {
                portrait.setRGB(x, y, ((x / 4) % 2 == 0 ? BLUE : GREEN).getRGB());
            }
        }
        Path file = media.resolve("portrait.png");
        ImageIO.write(portrait, "png", file.toFile());
        SceneClip scene = clip(0, "", 0, 1.0, ClipSource.STOCK_PHOTO, uri(file), 1);
        scene.getScene().setCameraMoves(List.of(CameraMove.PAN));

        List<BufferedImage> frames =
                framesOf(renderer().render(job(spec(1.0, false), List.of(scene))));

        BufferedImage frame = frames.get(12);
        Rectangle pad = new Rectangle(4, 20, 50, 140);
        Rectangle photo = new Rectangle(140, 20, 40, 140);
        Color padColour = mean(frame, pad);
        assertThat(padColour.getGreen() + padColour.getBlue()).as("not black").isGreaterThan(60);
        assertThat(detail(frame, photo)).isGreaterThan(20);
        assertThat(detail(frame, pad)).isLessThan(5);
    }

    @Test
    void shouldSlowASlightlyShortClipToFillItsScene() throws IOException {
        // 1.6 s: red for 0.8 s, then blue. Slowed to 2 s, blue starts at 1 s; looped, the clip
        // would be red again at 1.8 s.
        Path clipFile =
                TestMedia.writeSolidClip(
                        media.resolve("short.mp4"), 160, 90, FPS, 40, i -> i < 20 ? RED : BLUE);
        RenderJob job =
                job(
                        spec(2.0, false),
                        List.of(clip(0, "", 0, 2.0, ClipSource.STOCK_CLIP, uri(clipFile), 1)));

        List<BufferedImage> frames = framesOf(renderer().render(job));

        assertThat(frames).hasSize(50);
        assertThat(mean(frames.get(20), ALL)).matches(c -> near(c, RED, 40), "red at 0.8 s");
        assertThat(mean(frames.get(30), ALL)).matches(c -> near(c, BLUE, 40), "blue at 1.2 s");
        assertThat(mean(frames.get(45), ALL)).matches(c -> near(c, BLUE, 40), "blue at 1.8 s");
    }

    @Test
    void shouldRenderEveryPresetResolution() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("p.jpg"), 400, 300, GREEN, "jpg");
        Renderer fast =
                new Renderer(
                        store,
                        RenderConfig.defaults()
                                .withWorkDirectory(work)
                                .withEncoder(VideoEncoder.LIBX264)
                                .withX264Preset("ultrafast"));
        int[][] presets = {{1280, 720}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1080}};
        for (int[] preset : presets) {
            RenderSpec spec = spec(preset[0] > 2000 ? 0.4 : 1.0, true);
            spec.setWidth(preset[0]);
            spec.setHeight(preset[1]);
            RenderJob job =
                    job(
                            spec,
                            List.of(
                                    clip(
                                            0,
                                            "Preset",
                                            0,
                                            1.0,
                                            ClipSource.STOCK_PHOTO,
                                            uri(photo),
                                            1)));

            RenderedVideo video = fast.render(job);

            MediaProbe.VideoInfo probed =
                    MediaProbe.probe(store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID)));
            assertThat(List.of(probed.width(), probed.height()))
                    .containsExactly(preset[0], preset[1]);
            assertThat(List.of(video.getWidth(), video.getHeight()))
                    .containsExactly(preset[0], preset[1]);
            assertThat(probed.codec()).isEqualTo("h264");
        }
    }

    @Test
    void shouldPutTheMp4IndexBeforeTheMediaData() throws IOException {
        renderer().render(twoPhotos(Transition.CUT, 0));

        byte[] mp4 = Files.readAllBytes(store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID)));
        List<String> boxes = new ArrayList<>();
        long at = 0;
        while (at + 8 <= mp4.length) {
            long size =
                    ((mp4[(int) at] & 0xffL) << 24)
                            | ((mp4[(int) at + 1] & 0xffL) << 16)
                            | ((mp4[(int) at + 2] & 0xffL) << 8)
                            | (mp4[(int) at + 3] & 0xffL);
            boxes.add(new String(mp4, (int) at + 4, 4, StandardCharsets.US_ASCII));
            if (size < 8) {
                break;
            }
            at += size;
        }
        assertThat(boxes).contains("moov", "mdat");
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
    }

    private Path writeWav(Path file, double seconds) throws IOException {
        int frames = (int) (48_000 * seconds);
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
            for (int channel = 0; channel < 2; channel++) {
                pcm[i * 4 + channel * 2] = (byte) sample;
                pcm[i * 4 + channel * 2 + 1] = (byte) (sample >> 8);
            }
        }
        AudioFormat format = new AudioFormat(48_000, 16, 2, true, false);
        try (AudioInputStream stream =
                new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    @Test
    void shouldInterleaveAGivenAudioTrackAsAac() throws IOException {
        Path wav = writeWav(media.resolve("music.wav"), 5.0);
        RenderJob job = twoPhotos(Transition.CROSSFADE, 0.6);

        RenderedVideo withSound = renderer().render(job, Optional.of(wav));

        assertThat(withSound.getAudioCodec()).isEqualTo("aac");
        Path file = store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID));
        assertThat(MediaProbe.probe(file).audioCodec()).isEqualTo("aac");
        assertThat(MediaProbe.probe(file).durationSeconds()).isCloseTo(4.0, within(0.1));
        assertThat(decodeFrames(file)).hasSize(100);
        RenderedVideo silent = renderer().render(job);
        assertThat(silent.getAudioCodec()).isNull();
    }

    @Test
    void shouldMixTheJobsMusicBedAtTheTargetLoudnessAndCreditIt() throws IOException {
        Path wav = writeWav(media.resolve("calm-piano.wav"), 1.5);
        Credit musicCredit = credit("calm-piano");
        RenderJob job = twoPhotos(Transition.CROSSFADE, 0.6);
        job.setMusic(
                AssetMatch.newBuilder()
                        .setAssetId("calm-piano")
                        .setUri(uri(wav))
                        .setKind(AssetKind.MUSIC)
                        .setScore(0.7)
                        .setCredit(musicCredit)
                        .build());

        RenderedVideo withMusic = renderer().render(job);

        assertThat(withMusic.getAudioCodec()).isEqualTo("aac");
        assertThat(withMusic.getLoudnessLufs()).isCloseTo(-16.0, within(1.0));
        assertThat(withMusic.getCredits()).contains(musicCredit);
        assertThat(withMusic.getNotes()).anyMatch(note -> note.startsWith("music looped"));
        Path file = store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID));
        assertThat(MediaProbe.probe(file).durationSeconds()).isCloseTo(4.0, within(0.1));

        job.getSpec().setMusic(false);
        RenderedVideo withoutMusic = renderer().render(job);
        assertThat(withoutMusic.getAudioCodec()).isNull();
        assertThat(withoutMusic.getLoudnessLufs()).isNull();
        assertThat(withoutMusic.getCredits()).doesNotContain(musicCredit);
    }

    /**
     * The music is mixed beside the picture; the muxer holds the first video packets until the
     * sound comes, so the file is the one a render with the sound mixed beforehand writes.
     */
    @Test
    void shouldWriteTheSameFileWhetherTheSoundIsMixedBesideThePictureOrBefore() throws IOException {
        Path wav = writeWav(media.resolve("calm-piano.wav"), 1.5);
        RenderJob job = twoPhotos(Transition.CROSSFADE, 0.6);
        job.setMusic(
                AssetMatch.newBuilder()
                        .setAssetId("calm-piano")
                        .setUri(uri(wav))
                        .setKind(AssetKind.MUSIC)
                        .setScore(0.7)
                        .setCredit(credit("calm-piano"))
                        .build());

        renderer().render(job);
        byte[] mixedBeside =
                Files.readAllBytes(store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID)));
        Path mixedBefore = media.resolve("mixed.wav");
        new AudioMixer().mix(AudioPlan.of(4.0).withMusic(wav), mixedBefore);
        renderer().render(job, Optional.of(mixedBefore));

        assertThat(Files.readAllBytes(store.pathOf(Renderer.videoKey(RUN_ID, REQUEST_ID))))
                .isEqualTo(mixedBeside);
    }

    @Test
    void shouldLeaveOutMusicThatCannotBeFetchedWithANote() throws IOException {
        RenderJob job = twoPhotos(Transition.CUT, 0);
        job.setMusic(
                AssetMatch.newBuilder()
                        .setAssetId("gone")
                        .setUri(uri(media.resolve("no-such-music.wav")))
                        .setKind(AssetKind.MUSIC)
                        .setScore(0.7)
                        .setCredit(credit("gone"))
                        .build());

        RenderedVideo video = renderer().render(job);

        assertThat(video.getError()).isNull();
        assertThat(video.getAudioCodec()).isNull();
        assertThat(video.getNotes()).anyMatch(note -> note.startsWith("music left out: "));
        assertThat(video.getCredits()).doesNotContain(credit("gone"));
    }

    /**
     * Java2D draws subtitle text as data (glyphs), unlike FFmpeg's drawtext and subtitles filters,
     * whose syntax gives quotes, colons, backslashes, percent expansions, semicolons and brackets a
     * meaning; so hostile text needs no escaping and must simply appear.
     */
    @Test
    void shouldBurnHostileTextAsPlainGlyphs() throws IOException {
        String hostile = "it's 50% off: C:\\path %{pts} [a];[b] \n line";
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        List<SceneClip> clips =
                List.of(clip(0, hostile, 0, 1.0, ClipSource.STOCK_PHOTO, uri(photo), 1));

        List<BufferedImage> with = framesOf(renderer().render(job(spec(1.0, true), clips)));
        List<BufferedImage> without = framesOf(renderer().render(job(spec(1.0, false), clips)));

        assertThat(difference(with.get(12), without.get(12), subtitleArea())).isGreaterThan(5);
    }

    @Test
    void shouldBurnRightToLeftSubtitlesWithDejaVuOnly() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        Renderer dejaVu =
                new Renderer(
                        store,
                        RenderConfig.defaults()
                                .withWorkDirectory(work)
                                .withFonts(
                                        List.of("/usr/share/fonts/truetype/dejavu"),
                                        List.of("DejaVu Sans")));
        for (String text : List.of("שלום עולם", "مرحبا بالعالم", "Привет мир")) {
            List<SceneClip> clips =
                    List.of(clip(0, text, 0, 1.0, ClipSource.STOCK_PHOTO, uri(photo), 1));
            List<BufferedImage> with = framesOf(dejaVu.render(job(spec(1.0, true), clips)));
            List<BufferedImage> without = framesOf(dejaVu.render(job(spec(1.0, false), clips)));

            assertThat(difference(with.get(12), without.get(12), subtitleArea()))
                    .as(text)
                    .isGreaterThan(3);
        }
    }

    @Test
    void shouldDrawChineseWithTheBundledFontsWhenTheConfiguredOnesLackHan() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        Renderer dejaVu =
                new Renderer(
                        store,
                        RenderConfig.defaults()
                                .withWorkDirectory(work)
                                .withFonts(
                                        List.of("/usr/share/fonts/truetype/dejavu"),
                                        List.of("DejaVu Sans")));
        List<SceneClip> clips =
                List.of(
                        clip(0, "《静夜思》床前明月光", 0, 1.0, ClipSource.TITLE_CARD, null, 2),
                        clip(1, "疑是地上霜", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 2));

        RenderedVideo video = dejaVu.render(job(spec(2.0, true), clips));
        List<BufferedImage> with = framesOf(video);
        List<BufferedImage> without = framesOf(dejaVu.render(job(spec(2.0, false), clips)));

        assertThat(video.getDegraded()).isFalse();
        assertThat(video.getDegradedReasons()).isEmpty();
        assertThat(video.getNotes()).noneMatch(note -> note.contains("no font"));
        assertThat(difference(with.get(37), without.get(37), subtitleArea())).isGreaterThan(5);
        // The title card shows the verse: its middle differs from a card without text.
        List<SceneClip> noText =
                List.of(
                        clip(0, "", 0, 1.0, ClipSource.TITLE_CARD, null, 2),
                        clip(1, "疑是地上霜", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 2));
        List<BufferedImage> blankCard = framesOf(dejaVu.render(job(spec(2.0, false), noText)));
        Rectangle middle = new Rectangle(0, HEIGHT / 4, WIDTH, HEIGHT / 2);
        assertThat(difference(without.get(12), blankCard.get(12), middle)).isGreaterThan(3);
    }

    @Test
    void shouldLeaveOutTextNoFontHasAndDegradeTheVideoInsteadOfFailing() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        String text = "Runes " + ScriptSamples.OLD_HUNGARIAN + " here";
        List<SceneClip> clips =
                List.of(
                        clip(0, text, 0, 1.0, ClipSource.TITLE_CARD, null, 2),
                        clip(1, text, 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 2));

        RenderedVideo video = renderer().render(job(spec(2.0, true), clips));
        List<BufferedImage> with = framesOf(video);
        List<BufferedImage> without = framesOf(renderer().render(job(spec(2.0, false), clips)));

        String reason =
                "Old Hungarian text has no font: left out of burned-in subtitles and title cards;"
                        + " SRT and WebVTT keep it";
        assertThat(video.getError()).isNull();
        assertThat(video.getDegraded()).isTrue();
        assertThat(video.getDegradedReasons()).containsExactly(reason);
        assertThat(video.getNotes()).contains(reason);
        assertThat(video.getNotes()).noneMatch(note -> note.contains(temp.toString()));
        // The Latin words are still burned in; the SRT and WebVTT keep every character.
        assertThat(difference(with.get(37), without.get(37), subtitleArea())).isGreaterThan(5);
        assertThat(Files.readString(store.pathOf(Renderer.subtitlesKey(RUN_ID, REQUEST_ID))))
                .contains(text);
        assertThat(Files.readString(store.pathOf(Renderer.webVttKey(RUN_ID, REQUEST_ID))))
                .contains(text);
    }

    @Test
    void shouldSayOnlySubtitlesLostTextWhenNoTitleCardWasShown() throws IOException {
        Path photo = TestMedia.writePhoto(media.resolve("grey.png"), 320, 180, GREY, "png");
        List<SceneClip> clips =
                List.of(
                        clip(
                                0,
                                ScriptSamples.TANGUT + " and " + ScriptSamples.BASSA_VAH,
                                0,
                                1.0,
                                ClipSource.STOCK_PHOTO,
                                uri(photo),
                                1));

        RenderedVideo video = renderer().render(job(spec(1.0, true), clips));

        assertThat(video.getDegradedReasons())
                .containsExactly(
                        "Tangut and Bassa Vah text has no font: left out of burned-in subtitles;"
                                + " SRT and WebVTT keep it");
    }

    @Test
    void shouldWriteAContactSheetWithOneTilePerSceneAndTheWebVttFile() throws IOException {
        Path red = TestMedia.writePhoto(media.resolve("r.png"), 320, 180, RED, "png");
        Path green = TestMedia.writePhoto(media.resolve("g.png"), 320, 180, GREEN, "png");
        Path blue = TestMedia.writePhoto(media.resolve("b.png"), 320, 180, BLUE, "png");
        RenderJob job =
                job(
                        spec(3.0, true),
                        List.of(
                                clip(0, "R", 0, 1.0, ClipSource.STOCK_PHOTO, uri(red), 3),
                                clip(1, "G", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(green), 3),
                                clip(2, "B", 2.0, 3.0, ClipSource.STOCK_PHOTO, uri(blue), 3)));

        RenderedVideo video = renderer().render(job);

        assertThat(video.getContactSheetUri())
                .isEqualTo(store.uriOf(Renderer.contactSheetKey(RUN_ID, REQUEST_ID)));
        assertThat(video.getWebVttUri())
                .isEqualTo(store.uriOf(Renderer.webVttKey(RUN_ID, REQUEST_ID)));
        BufferedImage sheet =
                ImageIO.read(store.pathOf(Renderer.contactSheetKey(RUN_ID, REQUEST_ID)).toFile());
        // Three 320 x 180 tiles in a row with 4 px gaps.
        assertThat(sheet.getWidth()).isEqualTo(3 * 324 + 4);
        assertThat(sheet.getHeight()).isEqualTo(180 + 8);
        Color[] expected = {RED, GREEN, BLUE};
        for (int tile = 0; tile < 3; tile++) {
            Color colour = mean(sheet, new Rectangle(4 + tile * 324 + 20, 20, 280, 60));
            Color want = expected[tile];
            assertThat(colour).as("tile %d", tile).matches(c -> near(c, want, 40));
        }
    }

    @Test
    void shouldRefuseMediaOverTheImageLimitsFromTheirHeadersWithAReason() throws IOException {
        Path bomb = TestMedia.writePngDeclaring(media.resolve("bomb.png"), 100_000, 100_000);
        Path photo = TestMedia.writePhoto(media.resolve("photo.png"), 400, 300, GREEN, "png");
        Path clipFile =
                TestMedia.writeSolidClip(media.resolve("clip.mp4"), 640, 480, FPS, 25, i -> BLUE);
        long photoBytes = Files.size(photo);
        RenderJob job =
                job(
                        spec(3.0, false),
                        List.of(
                                clip(0, "Bomb", 0, 1.0, ClipSource.GENERATED_PHOTO, uri(bomb), 3),
                                clip(1, "Bytes", 1.0, 2.0, ClipSource.STOCK_PHOTO, uri(photo), 3),
                                clip(
                                        2,
                                        "Frames",
                                        2.0,
                                        3.0,
                                        ClipSource.GENERATED,
                                        uri(clipFile),
                                        3)));
        // 200,000 pixels: the 400x300 photo passes, the 640x480 clip does not.
        Renderer renderer =
                new Renderer(
                        store,
                        RenderConfig.defaults()
                                .withWorkDirectory(work)
                                .withImageLimits(new ImageLimits(photoBytes - 1, 200_000)));

        RenderedVideo video = renderer.render(job);

        assertThat(video.getDegraded()).isTrue();
        assertThat(video.getDegradedReasons())
                .containsExactly(
                        "scene 0: GENERATED_PHOTO media refused (image is 100000x100000 (10000.0"
                                + " MP), more than the 0.2 MP allowed), title card shown",
                        "scene 1: STOCK_PHOTO media refused (image file is "
                                + photoBytes
                                + " bytes, more than the "
                                + (photoBytes - 1)
                                + " bytes allowed), title card shown",
                        "scene 2: GENERATED media refused (image is 640x480 (0.3 MP), more than"
                                + " the 0.2 MP allowed), title card shown");
        assertThat(video.getVideoUri()).isNotNull();
    }

    @Test
    void shouldKeepBurnedInAndFileSubtitlesReadableForAWordyScene() throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.length() < 20_000) {
            text.append("The fishermen mend their nets on the pier, and the boats leave. ");
        }
        // Over a photo: a title card shows the text itself, without subtitles.
        Path photo = TestMedia.writePhoto(media.resolve("photo.png"), 320, 180, GREY, "png");
        RenderJob job =
                job(
                        spec(8.0, true),
                        List.of(
                                clip(
                                        0,
                                        text.toString(),
                                        0,
                                        8.0,
                                        ClipSource.STOCK_PHOTO,
                                        uri(photo),
                                        1)));

        RenderedVideo video = renderer().render(job);

        String srt = Files.readString(store.pathOf(Renderer.subtitlesKey(RUN_ID, REQUEST_ID)));
        String vtt = Files.readString(store.pathOf(Renderer.webVttKey(RUN_ID, REQUEST_ID)));
        for (String file : List.of(srt, vtt.substring("WEBVTT\n\n".length()))) {
            List<String> blocks = List.of(file.split("\n\n"));
            assertThat(blocks).hasSizeBetween(1, 8);
            // number, times, then at most two lines of at most 42 characters
            assertThat(blocks)
                    .allSatisfy(
                            block -> {
                                List<String> lines = List.of(block.split("\n"));
                                assertThat(lines).hasSizeBetween(3, 4);
                                assertThat(lines.subList(2, lines.size()))
                                        .allSatisfy(
                                                l ->
                                                        assertThat(l.length())
                                                                .isLessThanOrEqualTo(42));
                            });
            assertThat(file.strip()).endsWith("\u2026");
        }
        assertThat(video.getDegraded()).isTrue();
        assertThat(video.getDegradedReasons())
                .containsExactly(
                        "scene 0: text too long to read in the scene's time, subtitles cut short"
                                + " with an ellipsis");
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

    @Test
    void shouldShowGeneratedStillsLikePhotos() {
        assertThat(Renderer.isStill(ClipSource.GENERATED_PHOTO)).isTrue();
        assertThat(Renderer.isStill(ClipSource.STOCK_PHOTO)).isTrue();
        assertThat(Renderer.isStill(ClipSource.GENERATED)).isFalse();
    }
}
