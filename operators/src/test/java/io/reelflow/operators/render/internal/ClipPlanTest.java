package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.render.internal.ClipPlan.Mode;
import io.reelflow.schemas.CameraMove;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ClipPlan} and {@link Fit}. */
class ClipPlanTest {

    @Test
    void shouldTrimAClipLongerThanItsScene() {
        assertThat(ClipPlan.choose(8, 5, List.of())).isEqualTo(new ClipPlan(Mode.TRIM, 1));
    }

    @Test
    void shouldSlowASlightlyShortClipToFillItsSceneExactly() {
        ClipPlan plan = ClipPlan.choose(4, 5, List.of());

        assertThat(plan.mode()).isEqualTo(Mode.SLOW);
        assertThat(plan.speed()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void shouldLoopAMuchShorterClip() {
        assertThat(ClipPlan.choose(1, 5, List.of())).isEqualTo(new ClipPlan(Mode.LOOP, 1));
        assertThat(ClipPlan.choose(0, 5, List.of())).isEqualTo(new ClipPlan(Mode.LOOP, 1));
    }

    @Test
    void shouldPlayAtHalfSpeedWhenTheSceneAsksForSlowMotion() {
        assertThat(ClipPlan.choose(8, 5, List.of(CameraMove.SLOW_MOTION)))
                .isEqualTo(new ClipPlan(Mode.SLOW, 0.5));
        assertThat(ClipPlan.choose(2.5, 5, List.of(CameraMove.SLOW_MOTION)).speed())
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void shouldCoverSimilarShapesAndPadVeryDifferentOnes() {
        assertThat(Fit.choose(4000, 3000, 1280, 720)).isEqualTo(Fit.COVER);
        assertThat(Fit.choose(1920, 1080, 1280, 720)).isEqualTo(Fit.COVER);
        assertThat(Fit.choose(1080, 1920, 1280, 720)).isEqualTo(Fit.BLUR_PAD);
        assertThat(Fit.choose(1920, 1080, 720, 1280)).isEqualTo(Fit.BLUR_PAD);
        assertThat(Fit.choose(1000, 1000, 1280, 720)).isEqualTo(Fit.BLUR_PAD);
    }
}
