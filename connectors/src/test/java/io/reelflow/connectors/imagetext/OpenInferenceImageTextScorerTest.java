package io.reelflow.connectors.imagetext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reelflow.operators.port.ImageTextScorer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link OpenInferenceImageTextScorer}. */
class OpenInferenceImageTextScorerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x11};

    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::infer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /**
     * A model server as the Open Inference Protocol's REST form describes it: reads the two BYTES
     * inputs by name, answers the requested output as an FP32 tensor of shape [1, 1], and a 400
     * with {@code {"error": ...}} for a request it cannot read.
     */
    private void infer(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestURI().getRawPath());
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String image = null;
        String text = null;
        for (JsonNode input : request.path("inputs")) {
            boolean bytesOfOne =
                    input.path("datatype").asText().equals("BYTES")
                            && input.path("shape").toString().equals("[1]");
            if (bytesOfOne && input.path("name").asText().equals("pixels")) {
                image = input.path("data").get(0).asText();
            } else if (bytesOfOne && input.path("name").asText().equals("caption")) {
                text = input.path("data").get(0).asText();
            }
        }
        String output = request.path("outputs").path(0).path("name").asText();
        if (image == null || text == null || text.isEmpty()) {
            reply(exchange, 400, "{\"error\": \"unexpected inference request\"}");
            return;
        }
        byte[] jpeg = Base64.getDecoder().decode(image);
        double score =
                jpeg[0] == (byte) 0xFF && jpeg[1] == (byte) 0xD8 && text.contains("dog")
                        ? 0.31
                        : 0.12;
        reply(
                exchange,
                200,
                "{\"model_name\": \"clip\", \"outputs\": [{\"name\": \""
                        + output
                        + "\", \"shape\": [1, 1], \"datatype\": \"FP32\", \"data\": [["
                        + score
                        + "]]}]}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private OpenInferenceSettings settings() {
        return OpenInferenceSettings.of(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "clip")
                .withTensors("pixels", "caption", "similarity");
    }

    @Test
    void shouldSendTheFrameAndTextAsBytesTensorsAndReadTheScore() throws Exception {
        try (ImageTextScorer scorer = OpenInferenceImageTextScorer.factory(settings()).create()) {
            assertThat(scorer.score(JPEG, "a dog on a beach")).isCloseTo(0.31, within(1e-6));
            assertThat(scorer.score(JPEG, "a red sports car")).isCloseTo(0.12, within(1e-6));
            assertThat(scorer.model()).isEqualTo("clip");
        }
        assertThat(paths).containsOnly("/v2/models/clip/infer");
    }

    @Test
    void shouldAddressTheModelVersionWhenOneIsSet() throws Exception {
        try (ImageTextScorer scorer =
                OpenInferenceImageTextScorer.factory(settings().withVersion("2")).create()) {
            scorer.score(JPEG, "a dog");
        }
        assertThat(paths).containsExactly("/v2/models/clip/versions/2/infer");
    }

    @Test
    void shouldFailWithTheServersErrorMessage() {
        try (ImageTextScorer scorer = OpenInferenceImageTextScorer.factory(settings()).create()) {
            assertThatThrownBy(() -> scorer.score(JPEG, ""))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("image-text model 'clip' failed")
                    .hasMessageContaining("unexpected inference request");
        }
    }

    @Test
    void shouldFailWhenTheAnswerLacksTheOutput() throws Exception {
        JsonNode answer = JSON.readTree("{\"outputs\": [{\"name\": \"other\", \"data\": [0.5]}]}");

        assertThatThrownBy(() -> OpenInferenceImageTextScorer.scoreOf(answer, "similarity"))
                .hasMessageContaining("no output 'similarity'");
        assertThat(OpenInferenceImageTextScorer.scoreOf(answer, "other")).isEqualTo(0.5);
    }

    @Test
    void shouldRejectBlankTensorNames() {
        assertThatThrownBy(() -> settings().withTensors("image", " ", "score"))
                .hasMessageContaining("textInput must not be blank");
    }
}
