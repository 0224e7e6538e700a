package io.reelflow.benchmarks.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link HandOffs}. */
class HandOffsTest {

    @Test
    void shouldPairEachSubmissionAfterTheFirstSlotsWithTheJobThatEndedBeforeIt() {
        List<Long> submitted = List.of(12L, 0L, 1L, 10L, 25L);
        List<Long> ended = List.of(9L, 8L, 21L);

        assertThat(HandOffs.gapsNanos(2, submitted, ended)).containsExactly(2L, 3L, 4L);
    }

    @Test
    void shouldFindNoGapsWhileTheSlotsWereNeverReused() {
        assertThat(HandOffs.gapsNanos(4, List.of(0L, 1L, 2L), List.of(5L, 6L, 7L))).isEmpty();
    }
}
