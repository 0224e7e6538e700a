package io.reelflow.operators.webhook;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.flink.streaming.api.functions.async.AsyncRetryPredicate;
import org.apache.flink.streaming.api.functions.async.AsyncRetryStrategy;

/**
 * Flink's async retry for webhooks: another attempt while an outcome says {@link
 * WebhookOutcome.State#RETRY}, up to {@code maxAttempts} in all, waiting {@code initialBackoff ×
 * 2^(n-1)} (at most {@code maxBackoff}) after attempt n. Unlike {@code
 * AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategy}, which keeps the last delay in a field
 * shared by every record of the operator, the delay depends on the attempt number alone.
 */
public final class WebhookRetryStrategy implements AsyncRetryStrategy<WebhookOutcome> {
    private static final long serialVersionUID = 1L;

    private final int maxAttempts;
    private final long initialMillis;
    private final long maxMillis;

    public WebhookRetryStrategy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this.maxAttempts = maxAttempts;
        this.initialMillis = initialBackoff.toMillis();
        this.maxMillis = maxBackoff.toMillis();
    }

    /** Flink passes the attempts made so far (1 after the first). */
    @Override
    public boolean canRetry(int currentAttempts) {
        return currentAttempts < maxAttempts;
    }

    @Override
    public long getBackoffTimeMillis(int currentAttempts) {
        int doublings = Math.min(Math.max(currentAttempts - 1, 0), 62);
        long delay = initialMillis;
        for (int i = 0; i < doublings && delay < maxMillis; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxMillis);
    }

    @Override
    public AsyncRetryPredicate<WebhookOutcome> getRetryPredicate() {
        return new AsyncRetryPredicate<>() {
            @Override
            public Optional<Predicate<Collection<WebhookOutcome>>> resultPredicate() {
                return Optional.of(new WorthAnotherAttempt());
            }

            @Override
            public Optional<Predicate<Throwable>> exceptionPredicate() {
                // The function never fails its future: an exception would be a bug, and
                // retrying would hide it.
                return Optional.empty();
            }
        };
    }

    /** An attempt ended in a way another attempt may change: no answer, 408, 429 or 5xx. */
    public static final class WorthAnotherAttempt implements Predicate<Collection<WebhookOutcome>> {
        @Override
        public boolean test(Collection<WebhookOutcome> outcomes) {
            return outcomes.stream().anyMatch(o -> o.state() == WebhookOutcome.State.RETRY);
        }
    }
}
