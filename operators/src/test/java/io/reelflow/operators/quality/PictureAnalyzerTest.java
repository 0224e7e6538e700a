package io.reelflow.operators.quality;

import static io.reelflow.operators.render.TestMedia.FPS;
import static io.reelflow.operators.render.TestMedia.HEIGHT;
import static io.reelflow.operators.render.TestMedia.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.quality.PictureAnalyzer.Signal;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link PictureAnalyzer}. */
class PictureAnalyzerTest {

    @TempDir Path temp;

    private final PictureAnalyzer analyzer = new PictureAnalyzer(QualityConfig.defaults());

    /** A video without its job, as older records come: one scene over the whole video. */
    static RenderedVideo video(RenderSpec spec) {
        return RenderedVideo.newBuilder()
                .setRequestId(TestMedia.REQUEST_ID)
                .setRunId(TestMedia.RUN_ID)
                .setLanguage("en")
                .setSpec(spec)
                .setDurationSeconds(spec.getTargetDurationSeconds())
                .setWidth(spec.getWidth())
                .setHeight(spec.getHeight())
                .setSceneCount(1)
                .build();
    }

    /** A detailed picture sliding sideways: sharp, contrasty, moving. */
    static Path moving(Path file, String codec, int width, int height, double seconds)
            throws IOException {
        BufferedImage background = LabelledVideos.detailed(9);
        return TestMedia.writeClip(
                file,
                codec,
                width,
                height,
                FPS,
                (int) Math.round(seconds * FPS),
                i -> {
                    BufferedImage frame =
                            new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = frame.createGraphics();
                    g.drawImage(background, -i * 3, 0, width * 2, height * 2, null);
                    g.dispose();
                    return frame;
                });
    }

    private static List<Finding> failed(List<Finding> findings) {
        return findings.stream().filter(Finding::failed).toList();
    }

    @Test
    void shouldPassAMovingDetailedVideoAndReportItsStream() throws IOException {
        Path file = moving(temp.resolve("good.mp4"), "libx264", WIDTH, HEIGHT, 3.0);

        PictureAnalyzer.Inspection inspection =
                analyzer.inspect(file, video(TestMedia.spec(3.0, false)), Cancellation.none());

        assertThat(failed(inspection.findings())).isEmpty();
        assertThat(inspection.codec()).isEqualTo("h264");
        assertThat(inspection.width()).isEqualTo(WIDTH);
        assertThat(inspection.height()).isEqualTo(HEIGHT);
        assertThat(inspection.durationSeconds()).isCloseTo(3.0, within(0.001));
        assertThat(inspection.findings())
                .filteredOn(f -> f.signal().equals(Signal.SHARPNESS))
                .singleElement()
                .satisfies(f -> assertThat(f.sceneIndex()).isZero());
    }

    @Test
    void shouldCallAVideoThatNeverChangesFrozen() throws IOException {
        Path file =
                TestMedia.writeClip(
                        temp.resolve("still.mp4"),
                        "libx264",
                        WIDTH,
                        HEIGHT,
                        FPS,
                        75,
                        i -> LabelledVideos.detailed(4));

        List<Finding> failed =
                failed(
                        analyzer.analyze(
                                file, video(TestMedia.spec(3.0, false)), Cancellation.none()));

        assertThat(failed)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.defect()).isEqualTo(Defect.FROZEN);
                            assertThat(f.isWholeVideo()).isTrue();
                            assertThat(f.reason()).startsWith("the picture never changes");
                        });
    }

    @Test
    void shouldFailAFlatGreyVideoForContrastNotSharpness() throws IOException {
        Path file =
                TestMedia.writeSolidClip(
                        temp.resolve("grey.mp4"), WIDTH, HEIGHT, FPS, 75, i -> TestMedia.GREY);

        List<Finding> failed =
                failed(
                        analyzer.analyze(
                                file, video(TestMedia.spec(3.0, false)), Cancellation.none()));

        assertThat(failed)
                .extracting(Finding::defect)
                .containsExactlyInAnyOrder(Defect.LOW_CONTRAST, Defect.FROZEN);
    }

    @Test
    void shouldFailTheWrongCodecAndResolution() throws IOException {
        Path file = moving(temp.resolve("mpeg4.mp4"), "mpeg4", 160, 90, 3.0);

        List<Finding> failed =
                failed(
                        analyzer.analyze(
                                file, video(TestMedia.spec(3.0, false)), Cancellation.none()));

        assertThat(failed)
                .extracting(Finding::reason)
                .containsExactly(
                        "codec is mpeg4, expected h264", "resolution is 160x90, expected 320x180");
    }

    @Test
    void shouldCompareANarratedVideoWithItsLastSceneEnd() throws IOException {
        // Narration ran to 4 s although 3 s were asked: a 4 s video is right, a 3 s one is not.
        RenderSpec spec =
                RenderSpec.newBuilder(TestMedia.spec(3.0, false)).setNarration(true).build();
        RenderJob job =
                TestMedia.job(
                        spec,
                        List.of(
                                TestMedia.clip(0, "a", 0, 2, ClipSource.STOCK_PHOTO, "s3://b/a", 2),
                                TestMedia.clip(
                                        1, "b", 2, 4, ClipSource.STOCK_PHOTO, "s3://b/b", 2)));
        RenderedVideo video = RenderedVideo.newBuilder(video(spec)).setJob(job).build();
        Path narrated = moving(temp.resolve("narrated.mp4"), "libx264", WIDTH, HEIGHT, 4.0);
        Path cut = moving(temp.resolve("cut.mp4"), "libx264", WIDTH, HEIGHT, 2.4);

        assertThat(PictureAnalyzer.expectedSeconds(video)).isEqualTo(4.0);
        assertThat(failed(analyzer.analyze(narrated, video, Cancellation.none()))).isEmpty();
        assertThat(failed(analyzer.analyze(cut, video, Cancellation.none())))
                .extracting(Finding::reason)
                .containsExactly("duration is 2.40 s, narrated length 4.00 s (tolerance 1.00 s)");
    }

    @Test
    void shouldJudgeAgainstThePresetTheVideoAsksFor() throws IOException {
        // 2.5 s for 3 s: within standard's 1 s tolerance, outside strict's 0.5 s.
        Path file = moving(temp.resolve("short.mp4"), "libx264", WIDTH, HEIGHT, 2.4);
        RenderSpec spec = TestMedia.spec(3.0, false);

        assertThat(failed(analyzer.analyze(file, video(spec), Cancellation.none()))).isEmpty();
        assertThat(
                        failed(
                                analyzer.analyze(
                                        file,
                                        video(
                                                RenderSpec.newBuilder(spec)
                                                        .setQualityPreset(QualityConfig.STRICT)
                                                        .build()),
                                        Cancellation.none())))
                .extracting(Finding::defect)
                .containsExactly(Defect.WRONG_DURATION);
    }

    @Test
    void shouldReportACorruptOrMissingFileWithoutThrowing() throws IOException {
        Path garbage = TestMedia.writeGarbage(temp.resolve("corrupt.mp4"));
        RenderedVideo video = video(TestMedia.spec(3.0, false));

        for (Path file : List.of(garbage, temp.resolve("missing.mp4"))) {
            PictureAnalyzer.Inspection inspection =
                    analyzer.inspect(file, video, Cancellation.none());

            assertThat(inspection.decodable()).isFalse();
            assertThat(inspection.findings())
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.defect()).isEqualTo(Defect.NOT_DECODABLE);
                                assertThat(f.reason()).startsWith("not decodable: ");
                            });
        }
    }

    @Test
    void shouldStopDecodingOnceCancelled() throws IOException {
        Path file =
                TestMedia.writeSolidClip(
                        temp.resolve("cancelled.mp4"), WIDTH, HEIGHT, FPS, 75, i -> Color.GRAY);
        Cancellation cancellation = Cancellation.none();
        cancellation.cancel();

        assertThatThrownBy(
                        () ->
                                analyzer.analyze(
                                        file, video(TestMedia.spec(3.0, false)), cancellation))
                .isInstanceOf(CancelledException.class);
    }
}
