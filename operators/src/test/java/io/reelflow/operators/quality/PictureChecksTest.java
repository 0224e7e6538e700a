package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.quality.internal.FrameSample;
import io.reelflow.operators.render.TestMedia;
import io.reelflow.schemas.ClipSource;
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
        return new FrameSample(i * 0.08, mean, 40, 300, 0.01, 0.01, difference);
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
                        frames(20, i -> new FrameSample(i * 0.08, 20, 30, 300, 0, 0.85, 1)));

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
    void shouldCallAContrastyPictureWithoutEdgesBlurred() {
        List<Finding> findings =
                checks.judge(
                        scene(ClipSource.STOCK_PHOTO),
                        frames(20, i -> new FrameSample(i * 0.08, 120, 35, 20, 0, 0, 1)));

        assertThat(defects(findings)).containsExactly(Defect.BLURRED);
        assertThat(findings.stream().filter(Finding::failed).findFirst().orElseThrow().reason())
                .isEqualTo("blurred: sharpness 20.0 (at least 40.0 needed)");
    }
}
