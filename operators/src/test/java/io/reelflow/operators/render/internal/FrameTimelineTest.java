package io.reelflow.operators.render.internal;

import static io.reelflow.operators.render.TestMedia.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.reelflow.operators.render.internal.FrameTimeline.Boundary;
import io.reelflow.operators.render.internal.FrameTimeline.SceneSpan;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link FrameTimeline}. */
class FrameTimelineTest {

    private static SceneClip card(int index, double start, double end) {
        return clip(index, "s" + index, start, end, ClipSource.TITLE_CARD, null, 3);
    }

    @Test
    void shouldGiveEachSceneItsRoundedFrameRangeWithoutDrift() {
        // Thirds of 10 s at 25 fps: 83.33 frames each; summing rounded durations would give 249.
        FrameTimeline timeline =
                FrameTimeline.of(
                        List.of(
                                card(0, 0, 10 / 3.0),
                                card(1, 10 / 3.0, 20 / 3.0),
                                card(2, 20 / 3.0, 10)),
                        10,
                        25);

        assertThat(timeline.totalFrames()).isEqualTo(250);
        assertThat(timeline.spans())
                .extracting(SceneSpan::firstFrame, SceneSpan::frameCount)
                .containsExactly(tuple(0, 83), tuple(83, 84), tuple(167, 83));
    }

    @Test
    void shouldOrderScenesByIndexAndCloseGapsWithTheEarlierScene() {
        FrameTimeline timeline =
                FrameTimeline.of(List.of(card(1, 2.0, 3.0), card(0, 0, 1.0)), 3.0, 10);

        assertThat(timeline.spans())
                .extracting(span -> span.clip().getScene().getIndex())
                .containsExactly(0, 1);
        assertThat(timeline.spans().get(0).frameCount()).isEqualTo(20);
        assertThat(timeline.spans().get(1).endFrame()).isEqualTo(30);
    }

    @Test
    void shouldGiveASceneShorterThanHalfAFrameNoFrames() {
        FrameTimeline timeline =
                FrameTimeline.of(
                        List.of(card(0, 0, 1.0), card(1, 1.0, 1.01), card(2, 1.01, 2.0)), 2.0, 25);

        assertThat(timeline.spans()).extracting(SceneSpan::frameCount).containsExactly(25, 0, 25);
    }

    @Test
    void shouldSumSceneFramesToTheRoundedDurationAtEveryFrameRate() {
        for (int fps : new int[] {24, 25, 30}) {
            for (double seconds : new double[] {1.0, 7.77, 10.02, 59.99}) {
                List<SceneClip> clips =
                        List.of(
                                card(0, 0, seconds / 3),
                                card(1, seconds / 3, seconds * 0.61),
                                card(2, seconds * 0.61, seconds));

                FrameTimeline timeline =
                        FrameTimeline.of(clips, seconds, fps, Transition.CROSSFADE, 0.6);

                assertThat(timeline.spans().stream().mapToInt(SceneSpan::frameCount).sum())
                        .as("%s s at %d fps", seconds, fps)
                        .isEqualTo((int) Math.round(seconds * fps))
                        .isEqualTo(timeline.totalFrames());
            }
        }
    }

    @Test
    void shouldCentreCrossfadesOnSceneBoundariesAndExtendTheNeighbours() {
        FrameTimeline timeline =
                FrameTimeline.of(
                        List.of(card(0, 0, 2), card(1, 2, 4), card(2, 4, 6)),
                        6,
                        25,
                        Transition.CROSSFADE,
                        0.6);

        assertThat(timeline.boundaries())
                .extracting(Boundary::frame, Boundary::start, Boundary::end)
                .containsExactly(tuple(50, 43, 58), tuple(100, 93, 108));
        SceneSpan middle = timeline.spans().get(1);
        assertThat(middle.shownFrom()).isEqualTo(43);
        assertThat(middle.shownUntil()).isEqualTo(108);
        assertThat(middle.shownCount()).isEqualTo(65);
        assertThat(timeline.spans().get(0).leadIn()).isZero();
        assertThat(timeline.spans().get(2).leadOut()).isZero();
    }

    @Test
    void shouldClampTransitionsToHalfTheShorterNeighbour() {
        FrameTimeline timeline =
                FrameTimeline.of(
                        List.of(card(0, 0, 0.4), card(1, 0.4, 4)), 4, 25, Transition.CROSSFADE, 2);

        assertThat(timeline.boundaries().get(0).frames()).isEqualTo(5);
    }

    @Test
    void shouldKeepFadesThroughBlackAndCutsWithinTheirScenes() {
        List<SceneClip> clips = List.of(card(0, 0, 2), card(1, 2, 4));

        FrameTimeline fade = FrameTimeline.of(clips, 4, 25, Transition.FADE_BLACK, 0.6);
        FrameTimeline cut = FrameTimeline.of(clips, 4, 25, Transition.CUT, 0.6);

        assertThat(fade.boundaries().get(0).frames()).isEqualTo(15);
        assertThat(fade.spans()).allSatisfy(s -> assertThat(s.shownCount()).isEqualTo(50));
        assertThat(cut.boundaries().get(0).frames()).isZero();
        assertThat(cut.boundaries().get(0).covers(50)).isFalse();
    }

    @Test
    void shouldBlendHalfWayAtTheBoundaryAndDipToBlackThere() {
        Boundary crossfade = new Boundary(50, Transition.CROSSFADE, 16, 0, 1);
        Boundary fade = new Boundary(50, Transition.FADE_BLACK, 16, 0, 1);

        assertThat(FrameTimeline.crossfadeWeight(crossfade, crossfade.start())).isLessThan(20);
        assertThat(FrameTimeline.crossfadeWeight(crossfade, 50)).isBetween(120, 140);
        assertThat(FrameTimeline.crossfadeWeight(crossfade, crossfade.end() - 1))
                .isGreaterThan(236);
        assertThat(FrameTimeline.fadeLevel(fade, 49)).isLessThan(30);
        assertThat(FrameTimeline.fadeLevel(fade, 50)).isLessThan(30);
        assertThat(FrameTimeline.fadeLevel(fade, fade.start())).isGreaterThan(220);
        assertThat(FrameTimeline.fadeLevel(fade, fade.end() - 1)).isGreaterThan(220);
    }

    @Test
    void shouldRejectAJobWithoutScenes() {
        assertThatThrownBy(() -> FrameTimeline.of(List.of(), 3.0, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one scene");
    }
}
