package io.reelflow.connectors.generation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.GenerationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ComfyUI workflow in API format ({@code {"<node id>": {"class_type", "inputs"}}}) with
 * placeholders that each request fills in. Substitution works on the parsed JSON tree, never on the
 * text, so a prompt with quotes or braces cannot change the graph:
 *
 * <ul>
 *   <li>a string value that is exactly one placeholder, e.g. {@code "noise_seed": "{{seed}}"},
 *       becomes the value itself, typed: numbers for {@code seed}, {@code width}, {@code height},
 *       {@code frames}, {@code fps}; text for {@code prompt}, {@code negative_prompt}, {@code
 *       model}, {@code content_key};
 *   <li>a placeholder inside a longer string, e.g. {@code "reelflow/{{content_key}}"}, is replaced
 *       by its text within that string.
 * </ul>
 *
 * <p>{@code length} is another name for {@code frames} (ComfyUI's latent input). Seeds are written
 * as unsigned 64-bit numbers, the range of ComfyUI's seed inputs. A template must use {@code
 * {{prompt}}}; an unknown placeholder fails when the template is loaded.
 */
public final class WorkflowTemplate {

    public static final Set<String> PLACEHOLDERS =
            Set.of(
                    "prompt",
                    "negative_prompt",
                    "seed",
                    "width",
                    "height",
                    "frames",
                    "length",
                    "fps",
                    "model",
                    "content_key");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
    private static final String CLASSPATH = "classpath:";

    private final String source;
    private final ObjectNode graph;

    private WorkflowTemplate(String source, ObjectNode graph) {
        this.source = source;
        this.graph = graph;
        Set<String> used = new TreeSet<>();
        collect(graph, used);
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "workflow "
                            + source
                            + " has unknown placeholders "
                            + unknown
                            + "; known: "
                            + new TreeSet<>(PLACEHOLDERS));
        }
        if (!used.contains("prompt")) {
            throw new IllegalArgumentException(
                    "workflow " + source + " has no {{prompt}} placeholder");
        }
    }

    /**
     * Reads a template from a file path or a {@code classpath:} resource.
     *
     * @throws IllegalArgumentException when it is missing, not JSON, not in API format, or has
     *     unknown placeholders
     */
    public static WorkflowTemplate load(String location) {
        try {
            JsonNode json;
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length());
                try (InputStream in =
                        WorkflowTemplate.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no workflow resource " + resource);
                    }
                    json = SidecarHttp.JSON.readTree(in);
                }
            } else {
                json = SidecarHttp.JSON.readTree(Files.readAllBytes(Path.of(location)));
            }
            return of(location, json);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read workflow " + location + ": " + e, e);
        }
    }

    /** A template from JSON already read; {@code source} names it in messages. */
    public static WorkflowTemplate of(String source, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("workflow " + source + " is not a JSON object");
        }
        if (json.has("nodes") && json.has("links")) {
            throw new IllegalArgumentException(
                    "workflow "
                            + source
                            + " is in ComfyUI's UI format; export it with 'Export (API)' instead");
        }
        for (Map.Entry<String, JsonNode> node : json.properties()) {
            if (!node.getValue().path("class_type").isTextual()) {
                throw new IllegalArgumentException(
                        "workflow " + source + ": node " + node.getKey() + " has no class_type");
            }
        }
        return new WorkflowTemplate(source, (ObjectNode) json);
    }

    /** A copy of the graph with every placeholder filled from {@code request}. */
    public ObjectNode fill(GenerationRequest request) {
        ObjectNode copy = graph.deepCopy();
        substitute(copy, request);
        return copy;
    }

    public String source() {
        return source;
    }

    private static void substitute(JsonNode node, GenerationRequest request) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    object.set(field.getKey(), replace(value.asText(), request));
                } else {
                    substitute(value, request);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, replace(value.asText(), request));
                } else {
                    substitute(value, request);
                }
            }
        }
    }

    private static JsonNode replace(String text, GenerationRequest request) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            return value(whole.group(1), request);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        if (!matcher.find()) {
            return TextNode.valueOf(text);
        }
        StringBuilder result = new StringBuilder();
        matcher.reset();
        while (matcher.find()) {
            matcher.appendReplacement(
                    result, Matcher.quoteReplacement(value(matcher.group(1), request).asText()));
        }
        matcher.appendTail(result);
        return TextNode.valueOf(result.toString());
    }

    private static JsonNode value(String name, GenerationRequest request) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (name) {
            case "prompt" -> nodes.textNode(request.prompt());
            case "negative_prompt" -> nodes.textNode(request.negativePrompt());
            case "seed" -> nodes.numberNode(new BigInteger(Long.toUnsignedString(request.seed())));
            case "width" -> nodes.numberNode(request.width());
            case "height" -> nodes.numberNode(request.height());
            case "frames", "length" -> nodes.numberNode(request.frames());
            case "fps" -> nodes.numberNode(request.fps());
            case "model" -> nodes.textNode(request.model());
            case "content_key" -> nodes.textNode(request.contentKey());
            default -> throw new IllegalStateException("unchecked placeholder " + name);
        };
    }

    private static void collect(JsonNode node, Set<String> used) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asText());
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        node.elements().forEachRemaining(child -> collect(child, used));
    }
}
