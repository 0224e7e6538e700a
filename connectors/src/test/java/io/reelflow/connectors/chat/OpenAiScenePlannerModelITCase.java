package io.reelflow.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link OpenAiScenePlannerModel}. */
class OpenAiScenePlannerModelITCase {

    private static final String TEXT =
            "The drone rises over the harbour at dawn. Fishermen mend their nets on the pier."
                    + " Gulls circle above the boats as the sun climbs.";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile Function<JsonNode, Reply> behaviour;

    private record Reply(int status, String body) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = MAPPER.readTree(exchange.getRequestBody());
        requests.add(request);
        Reply reply = behaviour.apply(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private ModelAssistedSceneAnalyzer planner(Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new ModelAssistedSceneAnalyzer(
                analyzer,
                new OpenAiScenePlannerModel(
                        ChatCompletionsConfig.of(base, "test-model").withTimeout(timeout)));
    }

    private static Reply completion(String content) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode choice = body.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        return new Reply(200, body.toString());
    }

    private static String plan(double... durations) {
        String[] texts = {
            "The drone rises over the harbour at dawn.",
            "Fishermen mend their nets on the pier. Gulls circle above the boats as the sun climbs."
        };
        ObjectNode plan = MAPPER.createObjectNode();
        ArrayNode scenes = plan.putArray("scenes");
        for (int i = 0; i < texts.length; i++) {
            ObjectNode scene = scenes.addObject();
            scene.put("text", texts[i]);
            scene.put("durationSeconds", durations[i]);
            scene.put("mood", i == 0 ? "calm" : "no such mood");
            scene.putArray("cameraCues").add("aerial").add("dutch angle");
            scene.putArray("timeCues").add("dawn");
            scene.put("prompt", "aerial shot of a harbour at dawn " + i);
        }
        return plan.toString();
    }

    @Test
    void shouldUseAValidPlanWithExactTimings() {
        behaviour = request -> completion(plan(3.0, 9.0));

        ModelAssistedSceneAnalyzer.Result result =
                planner(Duration.ofSeconds(5)).plan(TEXT, "en", 20.0);

        assertThat(result.fromModel()).isTrue();
        assertThat(result.fallbackReason()).isNull();
        List<Scene> scenes = result.scenes();
        assertThat(scenes)
                .extracting(Scene::getText)
                .containsExactly(
                        "The drone rises over the harbour at dawn.",
                        "Fishermen mend their nets on the pier. Gulls circle above the boats as the sun climbs.");
        assertThat(scenes.get(0).getStartSeconds()).isEqualTo(0.0);
        assertThat(scenes.get(0).getEndSeconds()).isEqualTo(5.0);
        assertThat(scenes.get(1).getStartSeconds()).isEqualTo(scenes.get(0).getEndSeconds());
        assertThat(scenes.get(1).getEndSeconds()).isEqualTo(20.0);
        assertThat(scenes.get(0).getSceneMood()).isEqualTo(Mood.CALM);
        assertThat(scenes.get(0).getCameraMoves()).containsExactly(CameraMove.AERIAL);
        assertThat(scenes.get(0).getPrompt()).isEqualTo("aerial shot of a harbour at dawn 0");
        // an unknown mood from the model is replaced by the analyzer's own
        assertThat(scenes.get(1).getSceneMood())
                .isEqualTo(
                        analyzer.analyze(scenes.get(1).getText(), "en", 1).get(0).getSceneMood());
        assertThat(scenes.get(1).getKeywords()).contains("fishermen");
    }

    @Test
    void shouldAskForAJsonSchemaResponse() {
        behaviour = request -> completion(plan(1.0, 1.0));

        planner(Duration.ofSeconds(5)).plan(TEXT, "en-GB", 20.0);

        assertThat(requests).hasSize(1);
        JsonNode request = requests.get(0);
        assertThat(request.path("model").asText()).isEqualTo("test-model");
        assertThat(request.path("temperature").asInt()).isZero();
        assertThat(request.path("seed").isIntegralNumber()).isTrue();
        assertThat(request.path("max_tokens").asInt()).isEqualTo(4096);
        assertThat(request.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(
                        request.path("response_format")
                                .path("json_schema")
                                .path("schema")
                                .path("properties")
                                .path("scenes")
                                .path("items")
                                .path("properties")
                                .path("cameraCues")
                                .path("items")
                                .path("enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(
                        "close-up",
                        "aerial",
                        "wide",
                        "slow motion",
                        "pan",
                        "tracking",
                        "time-lapse");
        JsonNode schema = request.path("response_format").path("json_schema").path("schema");
        assertThat(schema.path("properties").path("scenes").path("items").path("required"))
                .extracting(JsonNode::asText)
                .contains("text", "durationSeconds", "mood", "cameraCues", "timeCues", "prompt");
        assertThat(request.path("messages").get(1).path("content").asText())
                .contains("\"language\":\"en\"")
                .contains("Fishermen mend their nets");
    }

    @Test
    void shouldFallBackWhenTheContentIsNotJson() {
        behaviour = request -> completion("Sure! Here is your plan: scenes 1 and 2.");

        ModelAssistedSceneAnalyzer.Result result =
                planner(Duration.ofSeconds(5)).plan(TEXT, "en", 20.0);

        assertThat(result.fromModel()).isFalse();
        assertThat(result.fallbackReason()).isNotBlank();
        assertThat(result.scenes()).isEqualTo(analyzer.analyze(TEXT, "en", 20.0));
    }

    @Test
    void shouldFallBackWhenThePlanRewritesTheText() {
        behaviour =
                request ->
                        completion(
                                "{\"scenes\":[{\"text\":\"A drone over a harbour.\",\"durationSeconds\":5,"
                                        + "\"mood\":\"calm\",\"cameraCues\":[],\"timeCues\":[],\"prompt\":\"x\"}]}");

        ModelAssistedSceneAnalyzer.Result result =
                planner(Duration.ofSeconds(5)).plan(TEXT, "en", 20.0);

        assertThat(result.fromModel()).isFalse();
        assertThat(result.fallbackReason()).contains("does not reproduce the text");
        assertThat(result.scenes()).isEqualTo(analyzer.analyze(TEXT, "en", 20.0));
    }

    @Test
    void shouldFallBackWhenTheServerFails() {
        behaviour = request -> new Reply(500, "{\"error\":{\"message\":\"CUDA out of memory\"}}");

        ModelAssistedSceneAnalyzer.Result result =
                planner(Duration.ofSeconds(5)).plan(TEXT, "en", 20.0);

        assertThat(result.fromModel()).isFalse();
        assertThat(result.fallbackReason()).contains("HTTP 500");
        assertThat(result.scenes()).isEqualTo(analyzer.analyze(TEXT, "en", 20.0));
    }

    @Test
    void shouldFallBackWhenTheAnswerIsLate() {
        behaviour =
                request -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return completion(plan(1.0, 1.0));
                };

        ModelAssistedSceneAnalyzer.Result result =
                planner(Duration.ofMillis(300)).plan(TEXT, "en", 20.0);

        assertThat(result.fromModel()).isFalse();
        assertThat(result.fallbackReason()).contains("Timeout");
        assertThat(result.scenes()).isEqualTo(analyzer.analyze(TEXT, "en", 20.0));
    }
}
