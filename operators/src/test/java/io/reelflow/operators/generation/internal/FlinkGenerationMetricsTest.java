package io.reelflow.operators.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.RecordingMetricGroup;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link FlinkGenerationMetrics}. */
class FlinkGenerationMetricsTest {
    private final RecordingMetricGroup group = new RecordingMetricGroup();
    private final FlinkGenerationMetrics metrics = new FlinkGenerationMetrics(group);

    @Test
    void shouldRegisterWhatDashboardsSumBeforeAnythingHappens() {
        assertThat(group.paths())
                .contains(
                        "attempts",
                        "failures",
                        "kind.title_card.fallbacks",
                        "kind.model.fallbacks");
        assertThat(group.count("failures")).isZero();
    }

    @Test
    void shouldCountFailuresInAllPerEndpointAndPerCause() {
        metrics.attempted("wan");
        metrics.failed("gpu-0", "overloaded");
        metrics.failed("gpu-0", "timeout");
        metrics.failed("gpu-1", "timeout");
        metrics.jobLatency("gpu-1", Duration.ofSeconds(3));

        assertThat(group.count("attempts")).isOne();
        assertThat(group.count("failures")).isEqualTo(3);
        assertThat(group.count("endpoint.gpu-0.failures")).isEqualTo(2);
        assertThat(group.count("endpoint.gpu-0.cause.timeout.failures")).isOne();
        assertThat(group.count("endpoint.gpu-1.cause.timeout.failures")).isOne();
        assertThat(group.histogram("endpoint.gpu-1.jobLatencyMillis").getStatistics().getMax())
                .isEqualTo(3000);
    }

    @Test
    void shouldCountFallbacksByKind() {
        metrics.fallbackModel();
        metrics.titleCard();
        metrics.titleCard();

        assertThat(group.count("kind.model.fallbacks")).isOne();
        assertThat(group.count("kind.title_card.fallbacks")).isEqualTo(2);
    }
}
