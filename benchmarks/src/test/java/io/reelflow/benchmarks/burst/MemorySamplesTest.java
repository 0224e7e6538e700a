package io.reelflow.benchmarks.burst;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link MemorySamples}. */
class MemorySamplesTest {

    @Test
    void shouldTakeTheMaximumOfEachQuarterInOrder() {
        long[] values = {1, 5, 2, 2, 9, 3, 4, 4};

        assertThat(MemorySamples.quarterMaxima(values)).containsExactly(5L, 2L, 9L, 4L);
    }

    @Test
    void shouldKeepEachSampleAloneWhenThereAreFewerThanFour() {
        assertThat(MemorySamples.quarterMaxima(new long[] {7, 3})).containsExactly(7L, 3L);
    }

    @Test
    void shouldSeeTheHeapThatSurvivedTheLastCollection() {
        Object[] kept = new Object[16];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[1024 * 1024];
        }
        System.gc();

        assertThat(MemorySamples.heapAfterLastGc()).isGreaterThanOrEqualTo(16L * 1024 * 1024);
        assertThat(kept).doesNotContainNull();
    }

    @Test
    void shouldSampleThisJvmWithTheCallersProgress() {
        MemorySamples samples = new MemorySamples();

        MemorySamples.Sample sample = samples.sample(Map.of("results", 12));

        assertThat(sample.heapUsedMb()).isPositive();
        assertThat(sample.heapCommittedMb()).isGreaterThanOrEqualTo(sample.heapUsedMb());
        assertThat(sample.progress()).containsEntry("results", 12);
        assertThat(samples.all()).containsExactly(sample);
    }
}
