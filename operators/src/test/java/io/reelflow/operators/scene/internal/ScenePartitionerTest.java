package io.reelflow.operators.scene.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link ScenePartitioner}. */
class ScenePartitionerTest {

    @Test
    void shouldAimForTargetSceneLength() {
        assertThat(ScenePartitioner.sceneCount(30.0, 100, 5.0, 1.5, 12.0, 60)).isEqualTo(6);
        assertThat(ScenePartitioner.sceneCount(32.4, 100, 5.0, 1.5, 12.0, 60)).isEqualTo(6);
    }

    @Test
    void shouldLimitSceneCountBySegmentsMaxScenesAndMinLength() {
        assertThat(ScenePartitioner.sceneCount(30.0, 2, 5.0, 1.5, 12.0, 60)).isEqualTo(2);
        assertThat(ScenePartitioner.sceneCount(600.0, 1000, 5.0, 1.5, 12.0, 60)).isEqualTo(60);
        assertThat(ScenePartitioner.sceneCount(2.0, 100, 5.0, 1.5, 12.0, 60)).isEqualTo(1);
        assertThat(ScenePartitioner.sceneCount(0.5, 100, 5.0, 1.5, 12.0, 60)).isEqualTo(1);
    }

    @Test
    void shouldPreferMoreScenesWhenTargetWouldExceedMax() {
        // round(25 / 20) = 1 scene of 25 s is too long for max 12: at least 3
        assertThat(ScenePartitioner.sceneCount(25.0, 100, 20.0, 1.5, 20.0, 60)).isEqualTo(2);
        assertThat(ScenePartitioner.sceneCount(25.0, 100, 10.0, 1.5, 12.0, 60)).isEqualTo(3);
    }

    @Test
    void shouldCutIntoRunsOfAboutEqualWeight() {
        double[] weights = {1, 1, 1, 1, 1, 1, 1, 1, 1};

        assertThat(ScenePartitioner.partition(weights, 3)).containsExactly(0, 3, 6);
    }

    @Test
    void shouldKeepEveryRunNonEmptyForUnevenWeights() {
        double[] weights = {100, 1, 1, 1};

        assertThat(ScenePartitioner.partition(weights, 4)).containsExactly(0, 1, 2, 3);
        assertThat(ScenePartitioner.partition(weights, 2)).containsExactly(0, 1);
    }

    @Test
    void shouldRejectMoreRunsThanSegments() {
        assertThatThrownBy(() -> ScenePartitioner.partition(new double[] {1, 2}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot cut 2 segments into 3 scenes");
    }
}
