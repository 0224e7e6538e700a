package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.quality.PictureAnalyzer.Signal;
import io.reelflow.operators.quality.internal.FrameSample;
import io.reelflow.operators.quality.internal.LumaMeasures;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderedVideo;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link PictureChecks}, on measurements made up to sit on either side of a threshold.
 */
class PictureChecksTest {

    private final PictureChecks checks = new PictureChecks(QualityConfig.defaults());

    /** A well exposed, sharp, contrasty frame that moves by {@code difference}. */
    private static FrameSample good(int i, double mean, double difference) {
        return new FrameSample(i * 0.08, mean, 40, 1.5, 0.01, 0.01, difference);
    }

    private static List<FrameSample> frames(int count, IntFunction<FrameSample> frame) {
        List<FrameSample> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(frame.apply(i));
        }
        return frames;
    }

    private static SceneWindow scene(ClipSource source) {
        return new SceneWindow(3, 0, 2, TestMedia.clip(3, "text", 0, 2, source, "s3://b/k", 4));
    }

    private static List<String> defects(List<Finding> findings) {
        return findings.stream().filter(Finding::failed).map(Finding::defect).toList();
    }

    @Test
    void shouldPassAGoodMovingClip() {
        List<Finding> findings =
                checks.judge(scene(ClipSource.STOCK_CLIP), frames(20, i -> good(i, 120, 3)));

        assertThat(defects(findings)).isEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(f.sceneIndex()).isEqualTo(3));
    }

    @Test
    void shouldCallBrightnessJumpingBackAndForthFlicker() {
        List<Finding> findings =
                checks.judge(
                        scene(ClipSource.STOCK_PHOTO),
                        frames(20, i -> good(i, i % 2 == 0 ? 100 : 125, 25)));

        assertThat(defects(findings)).containsExactly(Defect.FLICKER);
    }

    @Test
    void shouldCallADarkButNotBlackPictureUnderExposed() {
        List<Finding> findings =
                checks.judge(
                        scene(ClipSource.STOCK_PHOTO),
                        frames(20, i -> new FrameSample(i * 0.08, 20, 30, 1.5, 0, 0.85, 1)));

        assertThat(defects(findings)).containsExactly(Defect.UNDEREXPOSED);
    }

    @Test
    void shouldCallAClipThatBarelyChangesWithoutMotionAndOneThatNeverDoesFrozen() {
        List<Finding> barely =
                checks.judge(scene(ClipSource.GENERATED), frames(20, i -> good(i, 120, 0.28)));
        List<Finding> never =
                checks.judge(scene(ClipSource.STOCK_CLIP), frames(20, i -> good(i, 120, 0.01)));

        assertThat(defects(barely)).containsExactly(Defect.NO_MOTION);
        assertThat(defects(never)).containsExactly(Defect.FROZEN);
    }

    @Test
    void shouldCallOnlyOneUnchangingPictureAWholeVideoFreezeNotSlowScenesThatDiffer() {
        RenderedVideo video = PictureAnalyzerTest.video(TestMedia.spec(3.0, false));
        List<FrameSample> oneFrozenPicture = frames(30, i -> good(i, 90, 0));
        List<FrameSample> twoSlowPhotos = frames(30, i -> good(i, i < 15 ? 80 : 120, 0));

        assertThat(checks.wholeVideoStill(oneFrozenPicture, video).defect())
                .isEqualTo(Defect.FROZEN);
        assertThat(checks.wholeVideoStill(twoSlowPhotos, video).failed()).isFalse();
    }

    @Test
    void shouldLetAStillPhotoOrTitleCardStandStill() {
        for (ClipSource source : List.of(ClipSource.STOCK_PHOTO, ClipSource.TITLE_CARD)) {
            assertThat(defects(checks.judge(scene(source), frames(20, i -> good(i, 120, 0)))))
                    .as(source.name())
                    .isEmpty();
        }
    }

    @Test
    void shouldExemptTitleCardsFromTextureButNotPhotos() {
        IntFunction<FrameSample> plain = i -> new FrameSample(i * 0.08, 60, 2, 1, 0, 0, 0.5);

        assertThat(defects(checks.judge(scene(ClipSource.TITLE_CARD), frames(20, plain))))
                .isEmpty();
        assertThat(defects(checks.judge(scene(ClipSource.STOCK_PHOTO), frames(20, plain))))
                .containsExactly(Defect.LOW_CONTRAST);
    }

    @Test
    void shouldCallAContrastyPictureWithWideEdgesBlurred() {
        List<Finding> findings =
                checks.judge(
                        scene(ClipSource.STOCK_PHOTO),
                        frames(20, i -> new FrameSample(i * 0.08, 120, 35, 0.3, 0, 0, 1)));

        assertThat(defects(findings)).containsExactly(Defect.BLURRED);
        assertThat(findings.stream().filter(Finding::failed).findFirst().orElseThrow().reason())
                .isEqualTo("blurred: edge sharpness 0.30 (at least 0.60 needed)");
    }

    @Test
    void shouldNotJudgeSharpnessWhereMostFramesHaveTooFewEdges() {
        List<Finding> findings =
                checks.judge(
                        scene(ClipSource.STOCK_PHOTO),
                        frames(
                                20,
                                i ->
                                        new FrameSample(
                                                i * 0.08,
                                                120,
                                                35,
                                                i % 4 != 0 ? Double.NaN : i < 8 ? 0.3 : 0,
                                                0,
                                                0,
                                                1)));

        assertThat(defects(findings)).isEmpty();
        assertThat(findings).extracting(Finding::signal).doesNotContain(Signal.SHARPNESS);
    }

    @Test
    void shouldPassCrispFlatShapesAndCallThemBlurredOutOfFocus() {
        BufferedImage shapes = new BufferedImage(320, 180, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = shapes.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 320, 180);
        g.setColor(new Color(200, 200, 200));
        g.fillOval(40, 30, 70, 70);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(180, 90, 90, 50);
        g.dispose();
        float[] gaussian = new float[13 * 13];
        double sigma = 2;
        double sum = 0;
        for (int i = 0; i < gaussian.length; i++) {
            int dx = i % 13 - 6;
            int dy = i / 13 - 6;
            gaussian[i] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
            sum += gaussian[i];
        }
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] /= (float) sum;
        }
        BufferedImage blurred =
                new ConvolveOp(new Kernel(13, 13, gaussian), ConvolveOp.EDGE_NO_OP, null)
                        .filter(shapes, null);

        assertThat(defects(checks.judge(scene(ClipSource.STOCK_PHOTO), measured(shapes))))
                .isEmpty();
        assertThat(defects(checks.judge(scene(ClipSource.STOCK_PHOTO), measured(blurred))))
                .containsExactly(Defect.BLURRED);
    }

    /** Ten samples of a grey picture as {@link LumaMeasures} measures it. */
    private static List<FrameSample> measured(BufferedImage grey) {
        byte[] luma = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        ByteBuffer pixels = ByteBuffer.allocateDirect(luma.length).put(luma).flip();
        LumaMeasures.Batch batch =
                LumaMeasures.measure(pixels, 1, grey.getHeight(), grey.getWidth());
        return frames(
                10,
                i ->
                        new FrameSample(
                                i * 0.08,
                                batch.mean()[0],
                                batch.deviation()[0],
                                batch.sharpness()[0],
                                batch.highlights()[0],
                                batch.shadows()[0],
                                0));
    }
}
