package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SampleSpans}. */
class SampleSpansTest {

    private static SceneWindow window(int index, double start, double end) {
        return new SceneWindow(index, start, end, null);
    }

    @Test
    void shouldSampleTheMiddleOfEachSceneClearOfItsTransitions() {
        List<double[]> spans = SampleSpans.of(List.of(window(0, 0, 5), window(1, 5, 10)), 0.3, 1.0);

        // Scene 0: inside [0, 4.7), 1 s in the middle; scene 1: inside [5.3, 10).
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0)).containsExactly(1.85, 2.85);
        assertThat(spans.get(1)).containsExactly(7.15, 8.15);
    }

    @Test
    void shouldSpreadUpToThreeStretchesOverALongScene() {
        List<double[]> spans = SampleSpans.of(List.of(window(0, 0, 60)), 0.3, 1.0);

        assertThat(spans).hasSize(3);
        assertThat(spans.get(0)).containsExactly(0.0, 1.0);
        assertThat(spans.get(1)).containsExactly(29.5, 30.5);
        assertThat(spans.get(2)).containsExactly(59.0, 60.0);
    }

    @Test
    void shouldTakeAShortSceneWholeAndJoinStretchesThatNearlyTouch() {
        List<double[]> spans =
                SampleSpans.of(
                        List.of(window(0, 0, 0.8), window(1, 0.8, 1.6), window(2, 1.6, 6)),
                        0.3,
                        1.0);

        // 0-0.8 and 0.8-1.6 are shorter than a stretch: taken whole and joined.
        assertThat(spans.get(0)[0]).isEqualTo(0.0);
        assertThat(spans.get(0)[1]).isGreaterThanOrEqualTo(1.6);
    }

    @Test
    void shouldStartAStretchAtAKeyframeInsideTheSceneRatherThanDecodeUpToIt() {
        List<Double> keyframes = List.of(0.0, 2.0, 4.0, 6.0, 8.0);

        List<double[]> spans =
                SampleSpans.of(List.of(window(0, 0, 5), window(1, 5, 10)), 0.3, 1.0, keyframes);

        // In the middle they would start at 1.85 and 7.15, 1.85 and 1.15 s after a keyframe.
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0)).containsExactly(2.0, 3.0);
        assertThat(spans.get(1)).containsExactly(8.0, 9.0);
    }

    @Test
    void shouldLeaveAStretchShortlyAfterAKeyframeOrWithoutOneInsideTheScene() {
        List<double[]> near =
                SampleSpans.of(
                        List.of(window(0, 0, 5), window(1, 5, 10)), 0.3, 1.0, List.of(1.7, 6.9));
        List<double[]> none =
                SampleSpans.of(
                        List.of(window(0, 0, 5), window(1, 5, 10)), 0.3, 1.0, List.of(0.0, 10.0));

        assertThat(near.get(0)).containsExactly(1.85, 2.85);
        assertThat(near.get(1)).containsExactly(7.15, 8.15);
        assertThat(none.get(1)).containsExactly(7.15, 8.15);
    }

    @Test
    void shouldNotStartAStretchAtTheVideosFirstKeyframe() {
        List<double[]> spans =
                SampleSpans.of(List.of(window(0, 0, 3)), 0.3, 1.0, List.of(0.0, 5.0));

        assertThat(spans).singleElement().satisfies(s -> assertThat(s).containsExactly(1.0, 2.0));
    }

    @Test
    void shouldMoveEveryStretchOfALongSceneToItsOwnKeyframe() {
        List<Double> keyframes = new java.util.ArrayList<>();
        for (int second = 0; second < 60; second += 2) {
            keyframes.add((double) second);
        }

        List<double[]> spans = SampleSpans.of(List.of(window(0, 0, 60)), 0.3, 1.0, keyframes);

        assertThat(spans).hasSize(3);
        assertThat(spans.get(0)).containsExactly(0.0, 1.0);
        assertThat(spans.get(1)).containsExactly(30.0, 31.0);
        assertThat(spans.get(2)).containsExactly(58.0, 59.0);
    }
}
