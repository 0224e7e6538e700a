package io.reelflow.benchmarks.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;

/** Tests for {@link FirstRecordsOnly}. */
class FirstRecordsOnlyTest {

    @Test
    void shouldLetTheFirstRecordsThroughAtOnceAndThenHoldForever() {
        RateLimiter<NumberSequenceSplit> limiter =
                new FirstRecordsOnly<NumberSequenceSplit>(3).createRateLimiter(1);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire().toCompletableFuture()).isCompleted();
        }
        assertThat(limiter.acquire().toCompletableFuture()).isNotDone();
        assertThat(limiter.acquire().toCompletableFuture()).isNotDone();
    }

    @Test
    void shouldGrantABatchOnlyWhenItFitsTheBudget() {
        RateLimiter<NumberSequenceSplit> limiter =
                new FirstRecordsOnly<NumberSequenceSplit>(5).createRateLimiter(1);

        assertThat(limiter.acquire(4).toCompletableFuture()).isCompleted();
        assertThat(limiter.acquire(2).toCompletableFuture()).isNotDone();
        assertThat(limiter.acquire(1).toCompletableFuture()).isCompleted();
    }
}
