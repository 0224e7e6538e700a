package io.reelflow.operators.gather;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link SceneGathering}. */
class SceneGatheringTest {

    @Test
    void shouldRejectAGatherTimeoutThatDoesNotOutlastGeneration() {
        assertThatThrownBy(
                        () ->
                                SceneGathering.requireTimeoutCovers(
                                        Duration.ofMinutes(15), Duration.ofMinutes(50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gather timeout (PT15M)")
                .hasMessageContaining("generation operator's timeout (PT50M");
    }

    @Test
    void shouldAcceptALongerGatherTimeout() {
        assertThatCode(
                        () ->
                                SceneGathering.requireTimeoutCovers(
                                        Duration.ofMinutes(60), Duration.ofMinutes(50)))
                .doesNotThrowAnyException();
    }
}
