package io.reelflow.benchmarks.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tests for {@link Throughput}. */
class ThroughputTest {

    private static final long SECOND = 1_000_000_000L;

    /** Two slots, each finishing a clip every {@code cycle} seconds, for {@code rounds} rounds. */
    private static long[] rounds(int rounds, double cycle, double firstRoundExtra) {
        long[] completions = new long[2 * rounds];
        for (int round = 0; round < rounds; round++) {
            long at = Math.round(((round + 1) * cycle + firstRoundExtra) * SECOND);
            completions[2 * round] = at;
            completions[2 * round + 1] = at + 1;
        }
        return completions;
    }

    @Test
    void shouldReachTheIdealRateWhenEverySlotFinishesAJobEveryJobTime() {
        Throughput throughput = Throughput.of(0, rounds(4, 5.0, 0), 2, 5.0);

        assertThat(throughput.targetClipsPerSecond()).isEqualTo(0.4);
        assertThat(throughput.steadyRatio()).isCloseTo(1.0, within(1e-6));
        assertThat(throughput.makespanRatio()).isCloseTo(1.0, within(1e-6));
        assertThat(throughput.steadySeconds()).isCloseTo(15.0, within(1e-6));
    }

    @Test
    void shouldChargeTimeLostBetweenJobsToTheRatio() {
        Throughput throughput = Throughput.of(0, rounds(4, 5.25, 0), 2, 5.0);

        assertThat(throughput.steadyRatio()).isCloseTo(5.0 / 5.25, within(1e-6));
        assertThat(throughput.steadyClipsPerSecond()).isCloseTo(6 / 15.75, within(1e-6));
    }

    @Test
    void shouldLeaveTheFirstRoundOutOfTheSteadyWindowOnly() {
        Throughput throughput = Throughput.of(0, rounds(4, 5.0, 1.0), 2, 5.0);

        assertThat(throughput.steadyRatio()).isCloseTo(1.0, within(1e-6));
        assertThat(throughput.makespanSeconds()).isCloseTo(21.0, within(1e-6));
        assertThat(throughput.makespanRatio()).isCloseTo(20.0 / 21.0, within(1e-6));
    }

    @Test
    void shouldAcceptCompletionsInAnyOrder() {
        long[] ordered = rounds(3, 5.0, 0);
        long[] shuffled = {ordered[5], ordered[0], ordered[3], ordered[1], ordered[4], ordered[2]};

        assertThat(Throughput.of(0, shuffled, 2, 5.0)).isEqualTo(Throughput.of(0, ordered, 2, 5.0));
    }

    @Test
    void shouldRefuseFewerThanTwoRounds() {
        assertThatThrownBy(() -> Throughput.of(0, new long[] {SECOND, SECOND, 2 * SECOND}, 2, 5.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two rounds");
    }
}
