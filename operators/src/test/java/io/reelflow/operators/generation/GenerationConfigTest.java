package io.reelflow.operators.generation;

import static io.reelflow.operators.generation.GenerationTestBed.endpoint;
import static io.reelflow.operators.generation.GenerationTestBed.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.gather.SceneGathering;
import io.reelflow.operators.port.ModelEndpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link GenerationConfig}. */
class GenerationConfigTest {

    @Test
    void shouldTimeTheOperatorForEveryAttemptOfEveryModelPlusTheQueue() {
        GenerationConfig config =
                GenerationConfig.builder()
                        .models(
                                List.of(
                                        video("wan", "a")
                                                .jobDeadline(Duration.ofMinutes(10))
                                                .build(),
                                        video("ltx", "a")
                                                .jobDeadline(Duration.ofMinutes(4))
                                                .build()))
                        .endpoints(List.of(endpoint("a", 1)))
                        .maxAttempts(2)
                        .backoff(Duration.ofSeconds(5), Duration.ofSeconds(30), 2.0)
                        .queueAllowance(Duration.ofMinutes(20))
                        .build();

        assertThat(config.operatorTimeout())
                .isEqualTo(Duration.ofMinutes(20 + 2 * 10 + 2 * 4).plusSeconds(2 * 5));
    }

    @Test
    void shouldKeepTheDefaultGatherTimeoutAboveTheDefaultOperatorTimeout() {
        assertThatCode(
                        () ->
                                SceneGathering.requireTimeoutCovers(
                                        SceneGathering.DEFAULT_TIMEOUT,
                                        GenerationConfig.defaults().operatorTimeout()))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldBackOffExponentiallyUpToTheMaximum() {
        GenerationConfig config =
                GenerationConfig.builder()
                        .backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0)
                        .build();

        assertThat(
                        List.of(
                                config.backoff(1),
                                config.backoff(2),
                                config.backoff(3),
                                config.backoff(4)))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5));
    }

    @Test
    void shouldGiveAdaptersTheRequestTimeoutUnlessTheEndpointSetsItsOwn() {
        GenerationConfig config =
                GenerationConfig.builder().requestTimeout(Duration.ofSeconds(20)).build();
        ModelEndpoint own = endpoint("b", 1).withOption(ModelEndpoint.REQUEST_TIMEOUT, "PT5S");

        assertThat(config.endpointForAdapter(endpoint("a", 1)).requestTimeout())
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(config.endpointForAdapter(own).requestTimeout())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldNameAModelsEndpointThatIsNotConfigured() {
        assertThatThrownBy(
                        () ->
                                GenerationConfig.builder()
                                        .models(List.of(video("wan", "gpu-9").build()))
                                        .endpoints(List.of(endpoint("gpu-0", 1)))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint gpu-9 of model wan@1.0 to be configured");
    }
}
