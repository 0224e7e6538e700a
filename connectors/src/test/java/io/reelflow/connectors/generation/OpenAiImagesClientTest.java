package io.reelflow.connectors.generation;

import static io.reelflow.connectors.generation.GenerationTestData.TINY_STILL;
import static io.reelflow.connectors.generation.GenerationTestData.endpoint;
import static io.reelflow.connectors.generation.GenerationTestData.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.generation.OpenAiImagesClient.ImageSource;
import io.reelflow.connectors.generation.internal.EndpointSettings;
import io.reelflow.operators.port.GenerationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link OpenAiImagesClient}: the request body and the image answers of the servers.
 * Fixtures and their sources: {@code src/test/resources/generation/SOURCES.md}.
 */
class OpenAiImagesClientTest {

    private static final URI BASE = URI.create("http://127.0.0.1:1");

    @Test
    void shouldSendOpenServerFieldsByDefault() {
        EndpointSettings settings =
                EndpointSettings.of(
                        endpoint("openai-images", BASE, Map.of("num-inference-steps", "4")));

        assertThat(OpenAiImagesClient.body(TINY_STILL, settings))
                .containsEntry("model", "flux-schnell")
                .containsEntry("n", 1)
                .containsEntry("size", "96x64")
                .containsEntry("response_format", "b64_json")
                .containsEntry("seed", 7L)
                .containsEntry("num_inference_steps", 4)
                .doesNotContainKey("negative_prompt");
    }

    @Test
    void shouldSendOnlyOpenAiFieldsWhenStrict() {
        EndpointSettings settings =
                EndpointSettings.of(
                        endpoint(
                                "openai-images",
                                BASE,
                                Map.of("openai-strict", "true", "response-format", "none")));

        assertThat(OpenAiImagesClient.body(TINY_STILL, settings))
                .containsOnlyKeys("model", "prompt", "n", "size");
    }

    @Test
    void shouldTakeBase64FromVllmOmniDocsAnswer() throws Exception {
        // vllm-omni docs/serving/image_generation_api.md @ 00a3619b (verbatim)
        ImageSource source =
                ImageSource.of(fixture("openai-images/vllm-omni-image-generation.json"));

        assertThat(source.base64()).isEqualTo("<base64-encoded PNG>");
        assertThat(source.url()).isNull();
    }

    @Test
    void shouldTakeAbsoluteAndRelativeUrls() throws Exception {
        assertThat(ImageSource.of(fixture("openai-images/openai-url.json")).url())
                .startsWith("https://images.example/private/");
        assertThat(ImageSource.of(fixture("openai-images/sglang-relative-url.json")).url())
                .isEqualTo("/v1/images/4e1f0c2a9b8d4c7e/content");
    }

    @Test
    void shouldDecodeDataUrls() throws Exception {
        var answer =
                GenerationTestData.JSON.readTree(
                        "{\"created\": 1, \"data\": [{\"url\": \"data:image/png;base64,iVBORw0KGgo=\"}]}");

        assertThat(ImageSource.of(answer).base64()).isEqualTo("iVBORw0KGgo=");
    }

    @Test
    void shouldRefuseAnswerWithoutImage() throws Exception {
        var answer = GenerationTestData.JSON.readTree("{\"created\": 1, \"data\": []}");

        assertThatThrownBy(() -> ImageSource.of(answer))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("neither data[0].b64_json nor data[0].url");
    }

    @Test
    void shouldTellImageTypesByMagicBytes(@TempDir Path dir) throws Exception {
        Path png =
                Files.write(
                        dir.resolve("a"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Path jpeg =
                Files.write(dir.resolve("b"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        assertThat(OpenAiImagesClient.contentType(png)).isEqualTo("image/png");
        assertThat(OpenAiImagesClient.contentType(jpeg)).isEqualTo("image/jpeg");
    }
}
