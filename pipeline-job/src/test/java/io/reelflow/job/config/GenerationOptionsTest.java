package io.reelflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.reelflow.job.PipelineSettings;
import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.scene.PromptLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Tests for {@link GenerationOptions}. */
class GenerationOptionsTest {

    @Test
    void shouldReadOneServerFromTheShortOptionsAndTheirOldNames() {
        Configuration config = new Configuration();
        config.setString("reelflow.sidecar.url", "http://gpu-0:8000");
        config.set(GenerationOptions.PROTOCOL, "openai-videos-multipart");
        config.set(GenerationOptions.MODEL, "wan2.2-t2v");
        config.set(GenerationOptions.JOB_DEADLINE, Duration.ofMinutes(15));

        GenerationConfig generation = GenerationOptions.read(config).build();

        assertThat(generation.endpoints())
                .extracting(ModelEndpoint::baseUri, ModelEndpoint::protocol, ModelEndpoint::slots)
                .containsExactly(
                        tuple(URI.create("http://gpu-0:8000"), "openai-videos-multipart", 2));
        ModelProfile model = generation.models().get(0);
        assertThat(model.name()).isEqualTo("wan2.2-t2v");
        assertThat(model.endpoints()).containsExactly("default");
        assertThat(model.jobDeadline()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldReadNamedEndpointsWithAdapterOptionsAndModelsInFallbackOrder() {
        String endpoint = "reelflow.generation.endpoint.";
        String model = "reelflow.generation.model.";
        Configuration config =
                Configuration.fromMap(
                        Map.ofEntries(
                                Map.entry("reelflow.generation.endpoints", "gpu-0;comfy"),
                                Map.entry(endpoint + "gpu-0.url", "http://127.0.0.1:8000"),
                                Map.entry(endpoint + "gpu-0.protocol", "openai-videos-multipart"),
                                Map.entry(endpoint + "gpu-0.slots", "1"),
                                Map.entry(endpoint + "gpu-0.token-file", "/run/secrets/token"),
                                Map.entry(endpoint + "comfy.url", "http://127.0.0.1:8188"),
                                Map.entry(endpoint + "comfy.protocol", "comfyui"),
                                Map.entry(endpoint + "comfy.workflow", "/etc/reelflow/wan.json"),
                                Map.entry("reelflow.generation.models", "wan;sdxl"),
                                Map.entry(model + "wan.version", "2.2-a14b"),
                                Map.entry(model + "wan.endpoints", "gpu-0"),
                                Map.entry(model + "wan.sizes", "832x480;480x832"),
                                Map.entry(model + "wan.fps", "16"),
                                Map.entry(model + "wan.max-seconds", "5"),
                                Map.entry(model + "wan.frame-step", "4"),
                                Map.entry(model + "wan.frame-offset", "1"),
                                Map.entry(model + "wan.job-deadline", "20 min"),
                                Map.entry(model + "wan.max-prompt-tokens", "0"),
                                Map.entry(model + "wan.max-prompt-chars", "800"),
                                Map.entry(model + "sdxl.kind", "image"),
                                Map.entry(model + "sdxl.endpoints", "comfy")));

        GenerationConfig generation = GenerationOptions.read(config).build();

        assertThat(generation.endpoints())
                .extracting(ModelEndpoint::name, ModelEndpoint::protocol, ModelEndpoint::slots)
                .containsExactly(
                        tuple("gpu-0", "openai-videos-multipart", 1), tuple("comfy", "comfyui", 1));
        assertThat(generation.endpoints().get(0).options())
                .containsExactly(Map.entry("token-file", "/run/secrets/token"));
        assertThat(generation.endpoints().get(1).options())
                .containsExactly(Map.entry("workflow", "/etc/reelflow/wan.json"));
        assertThat(generation.models())
                .extracting(ModelProfile::name)
                .containsExactly("wan", "sdxl");
        ModelProfile wan = generation.models().get(0);
        assertThat(wan.version()).isEqualTo("2.2-a14b");
        assertThat(wan.endpoints()).containsExactly("gpu-0");
        assertThat(wan.fps()).containsExactly(16);
        assertThat(wan.sizes()).hasSize(2);
        assertThat(wan.maxSeconds()).isEqualTo(5.0);
        assertThat(wan.frameStep()).isEqualTo(4);
        assertThat(wan.frameOffset()).isEqualTo(1);
        assertThat(wan.jobDeadline()).isEqualTo(Duration.ofMinutes(20));
        assertThat(wan.promptLimit()).isEqualTo(PromptLimit.characters(800));
        assertThat(generation.models().get(1).kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(generation.models().get(1).promptLimit()).isEqualTo(PromptLimit.CLIP);
    }

    @Test
    void shouldNameTheEndpointWithoutAUrl() {
        Configuration config =
                Configuration.fromMap(Map.of("reelflow.generation.endpoints", "gpu-0"));

        assertThatThrownBy(() -> GenerationOptions.read(config))
                .hasMessageContaining("reelflow.generation.endpoint.gpu-0.url must be set");
    }

    @Test
    void shouldRefuseAGatherTimeoutThatGenerationOutlasts() {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GATHER_TIMEOUT, Duration.ofMinutes(15));

        assertThatThrownBy(() -> PipelineSettings.from(config))
                .hasMessageContaining(
                        "gather timeout (PT15M) must exceed the generation operator's timeout");
    }
}
