package io.reelflow.operators.scene.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import io.reelflow.operators.scene.PlannedScene;
import io.reelflow.operators.scene.ScenePlannerModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link ScenePlannerModel} behind an OpenAI-compatible {@code POST /v1/chat/completions}
 * endpoint (vLLM, llama.cpp server, Ollama, TGI and others), asking for structured output with
 * {@code response_format: {"type": "json_schema", ...}}. Blocking; one instance per task is enough
 * (the JDK client pools connections). Throws on any HTTP error, timeout or malformed answer, which
 * {@link ModelAssistedSceneAnalyzer} turns into a fallback.
 */
public final class OpenAiScenePlannerModel implements ScenePlannerModel {

    static final String SYSTEM_PROMPT =
            "You plan the scenes of a short video from its narration text. Split the text into"
                    + " consecutive scenes of about 5 seconds of narration each, at sentence or"
                    + " clause boundaries. Copy each scene's text verbatim: every word of the input,"
                    + " in order, nothing added, nothing left out. For each scene give a suggested"
                    + " duration in seconds (the durations should add up to the target duration),"
                    + " the mood, camera cues and time-of-day or season cues only if the text asks"
                    + " for them, and a short English prompt for a text-to-video model describing"
                    + " what is seen. Answer with JSON only.";

    private final OpenAiScenePlannerConfig config;
    private final URI endpoint;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    public OpenAiScenePlannerModel(OpenAiScenePlannerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        String base = config.baseUri().toString();
        this.endpoint =
                URI.create(
                        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                                + "/v1/chat/completions");
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public List<PlannedScene> plan(
            String text, String language, double targetDurationSeconds, int maxScenes)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(config.timeout())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        requestBody(
                                                text, language, targetDurationSeconds, maxScenes),
                                        StandardCharsets.UTF_8));
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + config.apiKey());
        }
        HttpResponse<String> response =
                client.send(
                        request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("scene planner answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    /** The chat completion request: system and user messages and the plan's JSON schema. */
    String requestBody(String text, String language, double targetDurationSeconds, int maxScenes)
            throws IOException {
        ObjectNode input = mapper.createObjectNode();
        input.put("language", language);
        input.put("targetDurationSeconds", targetDurationSeconds);
        input.put("maxScenes", maxScenes);
        input.put("text", text);

        ObjectNode body = mapper.createObjectNode();
        body.put("model", config.model());
        body.put("temperature", 0);
        body.put("max_tokens", config.maxTokens());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", mapper.writeValueAsString(input));
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", "scene_plan");
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema(maxScenes));
        return mapper.writeValueAsString(body);
    }

    /** The JSON schema of a plan: {@code {"scenes": [{text, durationSeconds, mood, ...}]}}. */
    ObjectNode schema(int maxScenes) {
        ObjectNode scene = mapper.createObjectNode();
        scene.put("type", "object");
        ObjectNode properties = scene.putObject("properties");
        properties.putObject("text").put("type", "string");
        properties.putObject("durationSeconds").put("type", "number");
        enumOf(properties.putObject("mood"), ModelAssistedSceneAnalyzer.MOODS);
        arrayOf(properties.putObject("cameraCues"), ModelAssistedSceneAnalyzer.CAMERA_CUES);
        arrayOf(properties.putObject("timeCues"), ModelAssistedSceneAnalyzer.TIME_CUES);
        properties.putObject("prompt").put("type", "string");
        ArrayNode required = scene.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        scene.put("additionalProperties", false);

        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        ObjectNode scenes = schema.putObject("properties").putObject("scenes");
        scenes.put("type", "array");
        scenes.put("minItems", 1);
        scenes.put("maxItems", maxScenes);
        scenes.set("items", scene);
        schema.putArray("required").add("scenes");
        schema.put("additionalProperties", false);
        return schema;
    }

    private static void enumOf(ObjectNode node, Set<String> values) {
        node.put("type", "string");
        ArrayNode allowed = node.putArray("enum");
        new TreeSet<>(values).forEach(allowed::add);
    }

    private static void arrayOf(ObjectNode node, Set<String> values) {
        node.put("type", "array");
        enumOf(node.putObject("items"), values);
    }

    /** The scenes in a chat completion response; throws if it holds no well-formed plan. */
    List<PlannedScene> parse(String responseBody) throws IOException {
        JsonNode content =
                mapper.readTree(responseBody)
                        .path("choices")
                        .path(0)
                        .path("message")
                        .path("content");
        if (!content.isTextual()) {
            throw new IOException("the answer has no message content");
        }
        JsonNode scenes = mapper.readTree(content.asText()).path("scenes");
        if (!scenes.isArray()) {
            throw new IOException("the answer's content has no scenes array");
        }
        List<PlannedScene> planned = new ArrayList<>(scenes.size());
        for (JsonNode scene : scenes) {
            JsonNode text = scene.path("text");
            if (!text.isTextual()) {
                throw new IOException("a scene has no text");
            }
            planned.add(
                    new PlannedScene(
                            text.asText(),
                            scene.path("durationSeconds").asDouble(0.0),
                            scene.path("mood").isTextual() ? scene.path("mood").asText() : null,
                            strings(scene.path("cameraCues")),
                            strings(scene.path("timeCues")),
                            scene.path("prompt").isTextual()
                                    ? scene.path("prompt").asText()
                                    : null));
        }
        return planned;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
