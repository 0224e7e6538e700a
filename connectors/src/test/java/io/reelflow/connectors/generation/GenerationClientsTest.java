package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationClientFactory;
import java.net.URI;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** Tests for {@link GenerationClients}. */
class GenerationClientsTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8000");

    @Test
    void shouldPickTheAdapterByProtocol() throws Exception {
        GenerationClientFactory factory = new GenerationClients();

        try (GenerationClient json = factory.create(endpoint("openai-videos", BASE, Map.of()));
                GenerationClient form =
                        factory.create(endpoint("openai-videos-multipart", BASE, Map.of()));
                GenerationClient images =
                        factory.create(endpoint("openai-images", BASE, Map.of()));
                GenerationClient comfy =
                        factory.create(
                                endpoint(
                                        "comfyui",
                                        BASE,
                                        Map.of("workflow", ComfyUiClient.WAN22_T2V_TEMPLATE)))) {
            assertThat(json).isInstanceOf(OpenAiVideosClient.class).asString().contains("JSON");
            assertThat(form)
                    .isInstanceOf(OpenAiVideosClient.class)
                    .asString()
                    .contains("MULTIPART");
            assertThat(images).isInstanceOf(OpenAiImagesClient.class);
            assertThat(comfy).isInstanceOf(ComfyUiClient.class);
        }
    }

    @Test
    void shouldSurviveSerializationAsTheJobGraphShipsIt() throws Exception {
        GenerationClientFactory copy =
                InstantiationUtil.clone(
                        (GenerationClientFactory) new GenerationClients(),
                        getClass().getClassLoader());

        try (GenerationClient client = copy.create(endpoint("openai-videos", BASE, Map.of()))) {
            assertThat(client).isInstanceOf(OpenAiVideosClient.class);
        }
    }

    @Test
    void shouldRefuseUnknownProtocolAndComfyWithoutWorkflow() {
        GenerationClients factory = new GenerationClients();

        assertThatThrownBy(() -> factory.create(endpoint("triton", BASE, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown protocol 'triton'")
                .hasMessageContaining("openai-videos-multipart");
        assertThatThrownBy(() -> factory.create(endpoint("comfyui", BASE, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the option 'workflow'");
    }

    @Test
    void shouldNotShowTheTokenInToString() throws Exception {
        try (GenerationClient client =
                new GenerationClients()
                        .create(endpoint("openai-videos", BASE, Map.of("token-env", "PATH")))) {
            assertThat(client.toString()).doesNotContain(System.getenv("PATH"));
        }
    }
}
