package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.sidecar.ClipRequest;
import io.reelflow.sidecar.SubmissionKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fake ComfyUI reads out of a workflow in API format ({@code {"<node id>": {"class_type",
 * "inputs"}}}): the prompt texts reached from the sampler's {@code positive} and {@code negative}
 * inputs, the sampler's seed, the latent's size and length, the frame rate and the output nodes. It
 * does not run the graph; it draws what those values describe.
 *
 * @param outputs the output nodes, in id order
 */
public record ComfyWorkflow(
        ClipRequest clip,
        boolean still,
        SubmissionKey key,
        Directives directives,
        List<OutputNode> outputs) {

    static final Set<String> VIDEO_OUTPUTS =
            Set.of(
                    "SaveVideo",
                    "SaveWEBM",
                    "VHS_VideoCombine",
                    "SaveAnimatedWEBP",
                    "SaveAnimatedPNG");
    static final Set<String> IMAGE_OUTPUTS = Set.of("SaveImage", "PreviewImage");
    private static final int DEFAULT_FPS = 16;
    private static final int MAX_LINK_DEPTH = 16;

    /**
     * An output node.
     *
     * @param filenamePrefix its {@code filename_prefix} input, e.g. {@code video/ComfyUI}
     */
    public record OutputNode(String id, String classType, String filenamePrefix) {
        public boolean video() {
            return VIDEO_OUTPUTS.contains(classType);
        }
    }

    /** A workflow ComfyUI would refuse at {@code POST /prompt}, with its error body's fields. */
    public static final class InvalidWorkflowException extends Exception {
        private final String type;
        private final String details;
        private final Map<String, Object> nodeErrors;

        InvalidWorkflowException(
                String type, String message, String details, Map<String, Object> nodeErrors) {
            super(message);
            this.type = type;
            this.details = details;
            this.nodeErrors = nodeErrors;
        }

        /**
         * ComfyUI's 400 body: {@code {"error": {type, message, details, extra_info}, node_errors}}.
         */
        public Map<String, Object> body() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", type);
            error.put("message", getMessage());
            error.put("details", details);
            error.put("extra_info", Map.of());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", error);
            body.put("node_errors", nodeErrors);
            return body;
        }
    }

    public static ComfyWorkflow read(JsonNode graph) throws InvalidWorkflowException {
        if (graph == null || !graph.isObject() || graph.isEmpty()) {
            throw new InvalidWorkflowException(
                    "no_prompt", "No prompt provided", "No prompt provided", Map.of());
        }
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> node : graph.properties()) {
            if (!node.getValue().isObject() || !node.getValue().path("class_type").isTextual()) {
                throw new InvalidWorkflowException(
                        "invalid_prompt",
                        "Cannot execute because a node is missing the class_type property.",
                        "Node ID '#" + node.getKey() + "'",
                        Map.of());
            }
            nodes.put(node.getKey(), node.getValue());
        }
        checkLinks(nodes);
        List<OutputNode> outputs = new ArrayList<>();
        nodes.forEach(
                (id, node) -> {
                    String type = node.get("class_type").asText();
                    if (VIDEO_OUTPUTS.contains(type) || IMAGE_OUTPUTS.contains(type)) {
                        outputs.add(
                                new OutputNode(
                                        id,
                                        type,
                                        node.path("inputs")
                                                .path("filename_prefix")
                                                .asText("ComfyUI")));
                    }
                });
        if (outputs.isEmpty()) {
            throw new InvalidWorkflowException(
                    "prompt_no_outputs", "Prompt has no outputs", "", Map.of());
        }
        boolean still = outputs.stream().noneMatch(OutputNode::video);

        JsonNode sampler = sampler(nodes);
        String prompt = text(nodes, sampler, "positive");
        String negative = sampler == null ? "" : text(nodes, sampler, "negative");
        long seed = sampler == null ? 0 : seed(sampler.path("inputs"));
        JsonNode latent = latent(nodes);
        int width = latent == null ? 512 : latent.path("inputs").path("width").asInt(512);
        int height = latent == null ? 512 : latent.path("inputs").path("height").asInt(512);
        int frames = still ? 1 : frames(latent);
        int fps = still ? 1 : fps(nodes);
        String model = model(nodes);
        try {
            Directives directives = Directives.parse(prompt);
            ClipRequest clip =
                    new ClipRequest(directives.prompt(), seed, width, height, fps, frames);
            SubmissionKey key =
                    new SubmissionKey(
                            model,
                            still ? "IMAGE" : "VIDEO",
                            prompt,
                            negative,
                            seed,
                            width,
                            height,
                            still ? 0 : fps,
                            still ? 0 : frames);
            return new ComfyWorkflow(clip, still, key, directives, outputs);
        } catch (IllegalArgumentException e) {
            throw new InvalidWorkflowException(
                    "prompt_outputs_failed_validation",
                    "Prompt outputs failed validation",
                    e.getMessage(),
                    Map.of());
        }
    }

    private static void checkLinks(Map<String, JsonNode> nodes) throws InvalidWorkflowException {
        for (Map.Entry<String, JsonNode> node : nodes.entrySet()) {
            for (Map.Entry<String, JsonNode> input : node.getValue().path("inputs").properties()) {
                JsonNode value = input.getValue();
                if (isLink(value) && !nodes.containsKey(value.get(0).asText())) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("type", "bad_linked_input");
                    error.put(
                            "message",
                            "Bad linked input, must be a length-2 list of [string, int]");
                    error.put("details", input.getKey());
                    error.put("extra_info", Map.of("input_name", input.getKey()));
                    Map<String, Object> nodeError = new LinkedHashMap<>();
                    nodeError.put("errors", List.of(error));
                    nodeError.put("dependent_outputs", List.of());
                    nodeError.put("class_type", node.getValue().get("class_type").asText());
                    throw new InvalidWorkflowException(
                            "prompt_outputs_failed_validation",
                            "Prompt outputs failed validation",
                            "",
                            Map.of(node.getKey(), nodeError));
                }
            }
        }
    }

    private static boolean isLink(JsonNode value) {
        return value.isArray()
                && value.size() == 2
                && value.get(0).isTextual()
                && value.get(1).isIntegralNumber();
    }

    /** The first sampler that adds noise (the high-noise pass of a two-pass Wan graph). */
    private static JsonNode sampler(Map<String, JsonNode> nodes) {
        JsonNode first = null;
        for (JsonNode node : nodes.values()) {
            String type = node.get("class_type").asText();
            if (type.startsWith("KSampler") || type.startsWith("SamplerCustom")) {
                if (!"disable".equals(node.path("inputs").path("add_noise").asText())) {
                    return node;
                }
                first = first == null ? node : first;
            }
        }
        return first;
    }

    private static long seed(JsonNode inputs) {
        JsonNode seed = inputs.has("noise_seed") ? inputs.get("noise_seed") : inputs.path("seed");
        // ComfyUI seeds are unsigned 64-bit; the fake keeps the bits.
        return seed.isNumber() ? seed.bigIntegerValue().longValue() : 0;
    }

    /**
     * The text of the CLIPTextEncode reached from the sampler's input, through conditioning nodes.
     */
    private static String text(Map<String, JsonNode> nodes, JsonNode sampler, String input) {
        if (sampler != null) {
            JsonNode link = sampler.path("inputs").path(input);
            for (int depth = 0; depth < MAX_LINK_DEPTH && isLink(link); depth++) {
                JsonNode node = nodes.get(link.get(0).asText());
                JsonNode inputs = node.path("inputs");
                if (inputs.path("text").isTextual()) {
                    return inputs.get("text").asText();
                }
                link = inputs.has(input) ? inputs.get(input) : inputs.path("conditioning");
            }
        }
        for (JsonNode node : nodes.values()) {
            if (input.equals("positive")
                    && node.get("class_type").asText().startsWith("CLIPTextEncode")
                    && node.path("inputs").path("text").isTextual()) {
                return node.path("inputs").get("text").asText();
            }
        }
        return "";
    }

    private static JsonNode latent(Map<String, JsonNode> nodes) {
        for (JsonNode node : nodes.values()) {
            JsonNode inputs = node.path("inputs");
            if (node.get("class_type").asText().contains("Latent")
                    && inputs.path("width").isNumber()
                    && inputs.path("height").isNumber()) {
                return node;
            }
        }
        return null;
    }

    private static int frames(JsonNode latent) {
        JsonNode inputs = latent == null ? null : latent.path("inputs");
        if (inputs == null) {
            return 1;
        }
        for (String name : List.of("length", "num_frames", "video_frames")) {
            if (inputs.path(name).isNumber()) {
                return inputs.get(name).asInt();
            }
        }
        return 1;
    }

    private static int fps(Map<String, JsonNode> nodes) {
        for (JsonNode node : nodes.values()) {
            JsonNode inputs = node.path("inputs");
            for (String name : List.of("fps", "frame_rate")) {
                if (inputs.path(name).isNumber()) {
                    return (int) Math.round(inputs.get(name).asDouble());
                }
            }
        }
        return DEFAULT_FPS;
    }

    private static String model(Map<String, JsonNode> nodes) {
        for (JsonNode node : nodes.values()) {
            JsonNode inputs = node.path("inputs");
            for (String name : List.of("unet_name", "ckpt_name")) {
                if (inputs.path(name).isTextual()) {
                    return inputs.get(name).asText();
                }
            }
        }
        return "comfyui-workflow";
    }
}
