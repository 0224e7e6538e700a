package io.reelflow.operators.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.generation.internal.Endpoint;
import io.reelflow.operators.generation.internal.EndpointPool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link EndpointPool}. */
class EndpointPoolTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> BOTH = List.of("gpu-0", "gpu-1");

    private static Endpoint endpoint(String name, int slots) {
        return new Endpoint(
                GenerationTestBed.endpoint(name, slots),
                new FakeGenerationClient(name, () -> NOW),
                Endpoint.breakerConfig(50, Duration.ofSeconds(30)));
    }

    @Test
    void shouldCountARoutedJobInItsEndpointsLoadBeforeTheNextChoice() {
        EndpointPool pool = new EndpointPool(List.of(endpoint("gpu-0", 1), endpoint("gpu-1", 1)));

        EndpointPool.Choice first = pool.choose(BOTH, null, NOW).orElseThrow();
        EndpointPool.Choice second = pool.choose(BOTH, null, NOW).orElseThrow();
        EndpointPool.Choice third = pool.choose(BOTH, null, NOW).orElseThrow();

        assertThat(first.endpoint().name()).isEqualTo("gpu-0");
        assertThat(second.endpoint().name()).isEqualTo("gpu-1");
        assertThat(first.slot()).isCompleted();
        assertThat(second.slot()).isCompleted();
        assertThat(third.endpoint().name()).isEqualTo("gpu-0");
        assertThat(third.slot()).as("waits for the first job's slot").isNotDone();
        assertThat(third.endpoint().slots().waiting()).isOne();
    }
}
