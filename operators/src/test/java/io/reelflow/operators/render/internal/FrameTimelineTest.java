package io.reelflow.operators.render.internal;

import static io.reelflow.operators.render.TestMedia.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.reelflow.operators.render.internal.FrameTimeline.SceneSpan;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.SceneClip;
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
    void shouldRejectAJobWithoutScenes() {
        assertThatThrownBy(() -> FrameTimeline.of(List.of(), 3.0, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one scene");
    }
}
