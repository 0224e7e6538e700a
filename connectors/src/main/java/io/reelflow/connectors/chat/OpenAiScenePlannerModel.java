package io.reelflow.connectors.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.operators.port.PlannedScene;
import io.reelflow.operators.port.ScenePlannerModel;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link ScenePlannerModel} behind an OpenAI-compatible {@code POST /v1/chat/completions}
 * endpoint (vLLM, llama.cpp server, Ollama, TGI and others), asking for structured output with
 * {@code response_format: {"type": "json_schema", ...}}, through a {@link ChatCompletionsClient}.
 * Blocking; one instance per task is enough. Throws on any HTTP error, timeout or malformed answer,
 * which {@link ModelAssistedSceneAnalyzer} turns into a fallback.
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

    private final ChatCompletionsClient client;
    private final ObjectMapper mapper;

    public OpenAiScenePlannerModel(ChatCompletionsConfig config) {
        this.client = new ChatCompletionsClient(Objects.requireNonNull(config, "config"));
        this.mapper = client.mapper();
    }

    @Override
    public List<PlannedScene> plan(
            String text, String language, double targetDurationSeconds, int maxScenes)
            throws IOException, InterruptedException {
        return parse(
                client.complete(requestBody(text, language, targetDurationSeconds, maxScenes)));
    }

    /** The chat completion request: system and user messages and the plan's JSON schema. */
    ObjectNode requestBody(
            String text, String language, double targetDurationSeconds, int maxScenes)
            throws IOException {
        ObjectNode input = mapper.createObjectNode();
        input.put("language", language);
        input.put("targetDurationSeconds", targetDurationSeconds);
        input.put("maxScenes", maxScenes);
        input.put("text", text);

        ObjectNode body = client.request(SYSTEM_PROMPT, mapper.writeValueAsString(input));
        ObjectNode format = body.putObject("response_format");
        format.put("type", "json_schema");
        ObjectNode jsonSchema = format.putObject("json_schema");
        jsonSchema.put("name", "scene_plan");
        jsonSchema.put("strict", true);
        jsonSchema.set("schema", schema(maxScenes));
        return body;
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

    /** The scenes in a chat completion's content; throws if it holds no well-formed plan. */
    List<PlannedScene> parse(String content) throws IOException {
        JsonNode scenes = mapper.readTree(content).path("scenes");
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
