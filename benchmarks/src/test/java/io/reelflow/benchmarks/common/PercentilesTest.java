package io.reelflow.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Tests for {@link Percentiles}. */
class PercentilesTest {

    @Test
    void shouldTakeTheNearestRankOfOneToAHundred() {
        long[] values = LongStream.rangeClosed(1, 100).map(v -> 101 - v).toArray();

        assertThat(Percentiles.summary(values))
                .containsEntry("count", 100L)
                .containsEntry("min", 1L)
                .containsEntry("p50", 50L)
                .containsEntry("p95", 95L)
                .containsEntry("p99", 99L)
                .containsEntry("max", 100L);
    }

    @Test
    void shouldRoundTheRankUpSoAPercentileIsAValueThatOccurred() {
        assertThat(Percentiles.nearestRank(new long[] {10, 20, 30}, 50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(new long[] {10, 20, 30}, 99)).isEqualTo(30);
        assertThat(Percentiles.nearestRank(new long[] {10, 20, 30}, 1)).isEqualTo(10);
    }

    @Test
    void shouldGiveOnlyTheCountForNoValues() {
        assertThat(Percentiles.summary(new long[0])).containsOnlyKeys("count");
    }

    @Test
    void shouldRejectAPercentOutsideTheRange() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0))
                .hasMessageContaining("percent");
    }
}
