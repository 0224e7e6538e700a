package io.reelflow.benchmarks.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.GenerationRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link BenchmarkScenes}. */
class BenchmarkScenesTest {

    private static final ModelProfile MODEL =
            BenchmarkScenes.model(
                    List.of("sidecar-0", "sidecar-1"),
                    Duration.ofMillis(100),
                    Duration.ofMinutes(2));

    @Test
    void shouldGiveEverySceneOfEveryRunItsOwnContentKey() {
        Set<String> keys = new HashSet<>();
        for (String run : List.of("run-a", "run-b")) {
            BenchmarkScenes scenes = new BenchmarkScenes(run, 64, 64, 8, 1);
            for (int i = 0; i < 500; i++) {
                keys.add(MODEL.requestFor(scenes.task(i)).contentKey());
            }
        }

        assertThat(keys).hasSize(1000);
    }

    @Test
    void shouldAskForTheSmallClipAsIs() {
        GenerationRequest request =
                MODEL.requestFor(new BenchmarkScenes("run", 64, 64, 8, 1).task(7));

        assertThat(request.size()).isEqualTo("64x64");
        assertThat(request.fps()).isEqualTo(8);
        assertThat(request.frames()).isEqualTo(8);
        assertThat(request.prompt()).contains("shot 7 of benchmark run run");
        assertThat(MODEL.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(MODEL.endpoints()).containsExactly("sidecar-0", "sidecar-1");
    }
}
