package io.reelflow.connectors.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.connectors.generation.ComfyUiClient;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.MediaKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WorkflowTemplate}. */
class WorkflowTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GenerationRequest REQUEST =
            new GenerationRequest(
                    "wan",
                    "1",
                    MediaKind.VIDEO,
                    "a \"quoted\" {{seed}} prompt\"}, \"x\": {",
                    "blur",
                    -1,
                    832,
                    480,
                    16,
                    81);

    @Test
    void shouldFillTypedValuesAndKeepUserTextInsideItsString() throws Exception {
        WorkflowTemplate template =
                WorkflowTemplate.of(
                        "test",
                        JSON.readTree(
                                "{\"1\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"{{prompt}}\"}},"
                                        + " \"2\": {\"class_type\": \"EmptyHunyuanLatentVideo\", \"inputs\":"
                                        + " {\"width\": \"{{width}}\", \"height\": \"{{ height }}\", \"length\": \"{{length}}\"}},"
                                        + " \"3\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": \"{{seed}}\"}},"
                                        + " \"4\": {\"class_type\": \"SaveVideo\", \"inputs\":"
                                        + " {\"filename_prefix\": \"reelflow/{{content_key}}\", \"fps\": \"{{fps}}\"}}}"));

        JsonNode graph = template.fill(REQUEST);

        // The prompt stays one string value, quotes, braces and placeholder-like text included.
        assertThat(graph.at("/1/inputs/text").asText()).isEqualTo(REQUEST.prompt());
        assertThat(graph.size()).isEqualTo(4);
        assertThat(graph.at("/2/inputs/width").isInt()).isTrue();
        assertThat(graph.at("/2/inputs/width").asInt()).isEqualTo(832);
        assertThat(graph.at("/2/inputs/height").asInt()).isEqualTo(480);
        assertThat(graph.at("/2/inputs/length").asInt()).isEqualTo(81);
        // ComfyUI seeds are unsigned 64-bit.
        assertThat(graph.at("/3/inputs/seed").bigIntegerValue().toString())
                .isEqualTo("18446744073709551615");
        assertThat(graph.at("/4/inputs/filename_prefix").asText())
                .isEqualTo("reelflow/" + REQUEST.contentKey());
        assertThat(graph.at("/4/inputs/fps").asInt()).isEqualTo(16);
    }

    @Test
    void shouldLeaveTheTemplateUntouchedBetweenRequests() throws Exception {
        WorkflowTemplate template = WorkflowTemplate.load(ComfyUiClient.WAN22_T2V_TEMPLATE);

        template.fill(REQUEST);
        JsonNode second =
                template.fill(
                        new GenerationRequest(
                                "wan", "1", MediaKind.VIDEO, "second", "", 5, 640, 640, 16, 33));

        assertThat(second.at("/8/inputs/text").asText()).isEqualTo("second");
        assertThat(second.at("/11/inputs/length").asInt()).isEqualTo(33);
        assertThat(second.at("/12/inputs/noise_seed").asLong()).isEqualTo(5);
        assertThat(second.at("/13/inputs/noise_seed").asLong()).isEqualTo(5);
        assertThat(second.at("/15/inputs/fps").asInt()).isEqualTo(16);
    }

    @Test
    void shouldRejectUnknownPlaceholdersAndTemplatesWithoutPrompt() {
        assertThatThrownBy(
                        () ->
                                WorkflowTemplate.of(
                                        "t",
                                        JSON.readTree(
                                                "{\"1\": {\"class_type\": \"X\", \"inputs\":"
                                                        + " {\"a\": \"{{prompt}}\", \"b\": \"{{steps}}\"}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholders [steps]");
        assertThatThrownBy(
                        () ->
                                WorkflowTemplate.of(
                                        "t",
                                        JSON.readTree(
                                                "{\"1\": {\"class_type\": \"X\", \"inputs\": {}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no {{prompt}}");
    }

    @Test
    void shouldExplainUiFormatWorkflows(@TempDir Path dir) throws Exception {
        Path ui = Files.writeString(dir.resolve("ui.json"), "{\"nodes\": [], \"links\": []}");

        assertThatThrownBy(() -> WorkflowTemplate.load(ui.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UI format");
        assertThatThrownBy(() -> WorkflowTemplate.load("classpath:no/such.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no workflow resource");
    }
}
