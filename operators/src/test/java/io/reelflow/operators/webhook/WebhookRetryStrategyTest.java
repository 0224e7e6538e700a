package io.reelflow.operators.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebhookRetryStrategy}. */
class WebhookRetryStrategyTest {
    private final WebhookRetryStrategy strategy =
            new WebhookConfig(
                            6,
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(20),
                            Duration.ofMinutes(5),
                            2,
                            10)
                    .retryStrategy();

    private static WebhookOutcome outcome(WebhookOutcome.State state) {
        return new WebhookOutcome("r", "live", "h", state, 503, 1, null, 0);
    }

    @Test
    void shouldMakeMaxAttemptsInAll() {
        // Flink asks with the number of attempts made so far.
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(strategy::canRetry))
                .containsExactly(true, true, true, true, true, false, false);
    }

    @Test
    void shouldDoubleTheBackoffUpToItsMaximumWhateverOtherRecordsDid() {
        List<Long> first =
                IntStream.rangeClosed(1, 5).mapToObj(strategy::getBackoffTimeMillis).toList();
        strategy.getBackoffTimeMillis(5);

        assertThat(first).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 20_000L);
        assertThat(strategy.getBackoffTimeMillis(1)).isEqualTo(2_000L);
        assertThat(strategy.getBackoffTimeMillis(100)).isEqualTo(20_000L);
    }

    @Test
    void shouldRetryOnlyOutcomesThatSaySo() {
        Predicate<java.util.Collection<WebhookOutcome>> retry =
                strategy.getRetryPredicate().resultPredicate().orElseThrow();

        assertThat(retry.test(List.of(outcome(WebhookOutcome.State.RETRY)))).isTrue();
        assertThat(retry.test(List.of(outcome(WebhookOutcome.State.FAILED)))).isFalse();
        assertThat(retry.test(List.of(outcome(WebhookOutcome.State.DELIVERED)))).isFalse();
        assertThat(retry.test(List.of())).isFalse();
        assertThat(strategy.getRetryPredicate().exceptionPredicate()).isEmpty();
    }
}
