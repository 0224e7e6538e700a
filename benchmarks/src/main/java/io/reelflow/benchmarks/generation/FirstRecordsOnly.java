package io.reelflow.benchmarks.generation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * A rate limit that lets each source subtask emit its first {@code records} records at once and
 * then nothing, ever: an unbounded generator source becomes "N records, then idle", so the job
 * keeps running (and checkpointing) while those N are in flight downstream.
 */
final class FirstRecordsOnly<S extends SourceSplit> implements RateLimiterStrategy<S> {

    private static final long serialVersionUID = 1L;

    private final long records;

    FirstRecordsOnly(long records) {
        if (records < 0) {
            throw new IllegalArgumentException("records must be >= 0, was " + records);
        }
        this.records = records;
    }

    @Override
    public RateLimiter<S> createRateLimiter(int parallelism) {
        return new Limiter<>(records);
    }

    /** Grants permits until the budget is spent, then answers futures that never complete. */
    static final class Limiter<S extends SourceSplit> implements RateLimiter<S> {
        private final long budget;
        private long granted;

        Limiter(long budget) {
            this.budget = budget;
        }

        @Override
        public CompletionStage<Void> acquire(int permits) {
            if (granted + permits <= budget) {
                granted += permits;
                return CompletableFuture.completedFuture(null);
            }
            return new CompletableFuture<>();
        }
    }
}
