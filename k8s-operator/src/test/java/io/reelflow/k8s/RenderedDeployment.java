package io.reelflow.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered FlinkDeployment, read as the operator reads it: the pod of a job or task manager is
 * {@code spec.podTemplate} merged with the role's own template, lists by the names of their entries
 * ({@code kubernetes.operator.pod-template.merge-arrays-by-name: "true"}, which the base sets;
 * operator 1.13, {@code FlinkUtils.mergePodTemplates}).
 */
record RenderedDeployment(String source, JsonNode resource) {

    static final String JOB_MANAGER = "jobManager";
    static final String TASK_MANAGER = "taskManager";
    static final String MAIN_CONTAINER = "flink-main-container";

    JsonNode spec() {
        return resource.path("spec");
    }

    /** {@code spec.flinkConfiguration} as the strings the operator hands to Flink. */
    Map<String, JsonNode> flinkConfiguration() {
        Map<String, JsonNode> config = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : spec().path("flinkConfiguration").properties()) {
            config.put(entry.getKey(), entry.getValue());
        }
        return config;
    }

    String config(String key) {
        return spec().path("flinkConfiguration").path(key).asText(null);
    }

    List<String> args() {
        List<String> args = new ArrayList<>();
        spec().path("job").path("args").forEach(arg -> args.add(arg.asText()));
        return args;
    }

    /** The value after {@code --key} in the job's arguments, or null. */
    String arg(String key) {
        List<String> args = args();
        int at = args.indexOf("--" + key);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
    }

    /** The pod template the operator gives the role's pods. */
    JsonNode pod(String role) {
        JsonNode common = spec().path("podTemplate");
        JsonNode own = spec().path(role).path("podTemplate");
        if (common.isMissingNode()) {
            return own;
        }
        ObjectNode merged = common.deepCopy();
        if (own.isObject()) {
            mergeInto(merged, own);
        }
        return merged;
    }

    JsonNode container(String role, String name) {
        for (JsonNode container : pod(role).path("spec").path("containers")) {
            if (name.equals(container.path("name").asText())) {
                return container;
            }
        }
        return MissingNode.getInstance();
    }

    JsonNode mainContainer(String role) {
        return container(role, MAIN_CONTAINER);
    }

    List<JsonNode> initContainers(String role) {
        List<JsonNode> containers = new ArrayList<>();
        pod(role).path("spec").path("initContainers").forEach(containers::add);
        return containers;
    }

    /** The names of a container's variables, from {@code env}. */
    static List<String> envNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(env -> names.add(env.path("name").asText()));
        return names;
    }

    /** The Secret a container's variable comes from, or null. */
    static String secretOf(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText())) {
                return env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
            }
        }
        return null;
    }

    /** The Secrets a container takes all variables from ({@code envFrom}). */
    static List<String> envFromSecrets(JsonNode container) {
        List<String> names = new ArrayList<>();
        container
                .path("envFrom")
                .forEach(source -> names.add(source.path("secretRef").path("name").asText()));
        return names;
    }

    private static void mergeInto(ObjectNode to, JsonNode from) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            JsonNode existing = to.get(field.getKey());
            JsonNode update = field.getValue();
            if (existing != null && existing.isArray() && update.isArray()) {
                mergeArray((ArrayNode) existing, (ArrayNode) update);
            } else if (existing != null && existing.isObject() && update.isObject()) {
                mergeInto((ObjectNode) existing, update);
            } else {
                to.set(field.getKey(), update.deepCopy());
            }
        }
    }

    private static void mergeArray(ArrayNode to, ArrayNode from) {
        if (named(to) && named(from)) {
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            to.forEach(element -> byName.put(element.path("name").asText(), element));
            for (JsonNode element : from) {
                JsonNode existing = byName.get(element.path("name").asText());
                if (existing instanceof ObjectNode object) {
                    mergeInto(object, element);
                } else {
                    byName.put(element.path("name").asText(), element.deepCopy());
                }
            }
            to.removeAll();
            byName.values().forEach(to::add);
            return;
        }
        for (int i = 0; i < from.size(); i++) {
            if (i >= to.size()) {
                to.add(from.get(i).deepCopy());
            } else if (to.get(i) instanceof ObjectNode object && from.get(i).isObject()) {
                mergeInto(object, from.get(i));
            } else {
                to.set(i, from.get(i).deepCopy());
            }
        }
    }

    private static boolean named(ArrayNode array) {
        for (JsonNode element : array) {
            if (!element.has("name")) {
                return false;
            }
        }
        return true;
    }
}
