package io.reelflow.connectors.s3;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How {@link S3ObjectStore} retries a call that failed in a way worth retrying (503 {@code
 * SlowDown}, 500, a refused or broken connection): up to {@code maxAttempts} attempts, waiting
 * {@code baseDelay × 2^n} between them, capped at {@code maxBackoff} and half jittered. The waiting
 * is bounded: a call gives up after at most {@link #maxTotalBackoff()}, and keeps trying for at
 * least {@link #minTotalBackoff()}, which is the outage it rides through.
 *
 * <pre>{@code
 * new S3Retry(12, Duration.ofMillis(200), Duration.ofSeconds(8)) // rides through 26 s, gives up by 53 s
 * }</pre>
 *
 * @param maxAttempts attempts per call, the first one included (1 = no retry)
 * @param baseDelay the delay before the first retry, before jitter
 * @param maxBackoff the longest delay between two attempts, before jitter
 */
public record S3Retry(int maxAttempts, Duration baseDelay, Duration maxBackoff)
        implements Serializable {

    /** The most attempts accepted, so that a misconfiguration cannot retry without end. */
    public static final int MAX_ATTEMPTS_LIMIT = 100;

    /** 12 attempts, 200 ms doubling up to 8 s: rides through 26 s, gives up after at most 53 s. */
    public static final S3Retry DEFAULT =
            new S3Retry(12, Duration.ofMillis(200), Duration.ofSeconds(8));

    public S3Retry {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "S3 retry maxAttempts must be 1.."
                            + MAX_ATTEMPTS_LIMIT
                            + " (got "
                            + maxAttempts
                            + ")");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (baseDelay.isNegative() || baseDelay.isZero()) {
            throw new IllegalArgumentException(
                    "S3 retry baseDelay must be positive (got " + baseDelay + ")");
        }
        if (maxBackoff.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(
                    "S3 retry maxBackoff ("
                            + maxBackoff
                            + ") must be at least baseDelay ("
                            + baseDelay
                            + ")");
        }
    }

    /** The longest a call waits between its attempts in total, before it gives up. */
    public Duration maxTotalBackoff() {
        Duration total = Duration.ZERO;
        Duration delay = baseDelay;
        for (int retry = 1; retry < maxAttempts; retry++) {
            total = total.plus(delay);
            delay =
                    delay.multipliedBy(2).compareTo(maxBackoff) > 0
                            ? maxBackoff
                            : delay.multipliedBy(2);
        }
        return total;
    }

    /** The shortest a call keeps retrying (every delay jittered down to its half). */
    public Duration minTotalBackoff() {
        return maxTotalBackoff().dividedBy(2);
    }

    /**
     * The SDK's strategy: AWS's standard retry conditions (throttling, 5xx, I/O errors, clock skew)
     * with these attempts and backoff for throttling and other errors alike. Its circuit breaker is
     * off: it refuses retries once a client has seen a number of failures, which in an outage of a
     * few seconds would fail every request in flight; attempts and backoff already bound the load.
     */
    RetryStrategy toStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelayHalfJitter(baseDelay, maxBackoff);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                .build();
    }
}
