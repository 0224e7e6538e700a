package io.reelflow.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link Medians}. */
class MediansTest {

    @Test
    void shouldTakeTheMiddleOfAnOddCountWhateverTheOrder() {
        assertThat(Medians.of(List.of(30L, 10L, 20L))).isEqualTo(20.0);
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void shouldRejectNoValues() {
        assertThatThrownBy(() -> Medians.of(List.of())).hasMessageContaining("no values");
    }
}
