package io.reelflow.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.RetryStrategy;

/** Tests for {@link S3Retry}. */
class S3RetryTest {

    @Test
    void shouldRideThroughAHalfMinuteOutageByDefaultAndGiveUpWithinAMinute() {
        // 0.2 + 0.4 + 0.8 + 1.6 + 3.2 + 6.4 + 5 x 8 s
        assertThat(S3Retry.DEFAULT.maxTotalBackoff()).isEqualTo(Duration.ofMillis(52_600));
        assertThat(S3Retry.DEFAULT.minTotalBackoff()).isEqualTo(Duration.ofMillis(26_300));
    }

    @Test
    void shouldNotWaitWithoutRetries() {
        S3Retry once = new S3Retry(1, Duration.ofMillis(100), Duration.ofSeconds(1));

        assertThat(once.maxTotalBackoff()).isZero();
    }

    @Test
    void shouldGiveTheSdkTheAttemptsAndTheBackoff() {
        RetryStrategy strategy =
                new S3Retry(5, Duration.ofMillis(100), Duration.ofMillis(300)).toStrategy();

        assertThat(strategy.maxAttempts()).isEqualTo(5);
    }

    @Test
    void shouldRejectUnboundedOrBackwardSettings() {
        assertThatThrownBy(() -> new S3Retry(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts must be 1..100");
        assertThatThrownBy(() -> new S3Retry(101, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessageContaining("maxAttempts must be 1..100");
        assertThatThrownBy(() -> new S3Retry(3, Duration.ZERO, Duration.ofMillis(1)))
                .hasMessageContaining("baseDelay must be positive");
        assertThatThrownBy(() -> new S3Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void shouldBeKeptBySettings() {
        S3Retry patient = new S3Retry(20, Duration.ofMillis(500), Duration.ofSeconds(10));
        S3Settings settings = S3Settings.aws("us-east-1", "reelflow").withRetry(patient);

        assertThat(settings.retry()).isEqualTo(patient);
        assertThat(S3Settings.aws("us-east-1", "reelflow").retry()).isEqualTo(S3Retry.DEFAULT);
        assertThat(settings.toString()).contains("maxAttempts=20");
    }
}
