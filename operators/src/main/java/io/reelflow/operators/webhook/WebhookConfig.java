package io.reelflow.operators.webhook;

import java.io.Serializable;
import java.time.Duration;

/**
 * How hard the webhook stage tries: attempts with doubling backoff between them, within a total
 * time after which the result is dead-lettered; and how many deliveries run at once per subtask.
 *
 * @param maxAttempts attempts per result, the first one included
 * @param initialBackoff the wait before the second attempt; it doubles after each attempt
 * @param maxBackoff the longest wait between two attempts
 * @param maxTotalTime from a result's arrival to its last chance (the async operator's timeout)
 * @param threads attempts at once per subtask (each blocks a thread for up to an attempt timeout)
 * @param capacity results in flight per subtask, waiting ones included
 */
public record WebhookConfig(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxTotalTime,
        int threads,
        int capacity)
        implements Serializable {

    public static final WebhookConfig DEFAULT =
            new WebhookConfig(
                    6, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(5), 4, 100);

    public WebhookConfig {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException(
                    "webhook max-attempts must be 1..100 (got " + maxAttempts + ")");
        }
        if (initialBackoff.isNegative()
                || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "webhook backoff must be positive and max-backoff at least initial-backoff (got "
                            + initialBackoff
                            + ", "
                            + maxBackoff
                            + ")");
        }
        if (maxTotalTime.isNegative() || maxTotalTime.isZero()) {
            throw new IllegalArgumentException("webhook max-total-time must be positive");
        }
        if (threads < 1 || capacity < threads) {
            throw new IllegalArgumentException(
                    "webhook threads must be positive and capacity at least threads (got "
                            + threads
                            + ", "
                            + capacity
                            + ")");
        }
    }

    /** Flink's retry strategy for the async operator, with these attempts and backoffs. */
    public WebhookRetryStrategy retryStrategy() {
        return new WebhookRetryStrategy(maxAttempts, initialBackoff, maxBackoff);
    }
}
