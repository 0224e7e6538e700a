package io.reelflow.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A custom resource's openAPIV3Schema as a JSON schema in which a field the API server would prune
 * is an error. Kubernetes drops fields a structural schema does not list (unless the object says
 * {@code x-kubernetes-preserve-unknown-fields}) without a word, so a misspelt or misplaced field in
 * a FlinkDeployment silently does nothing; here it fails the build.
 */
final class CrdSchema {

    /** The Flink Kubernetes Operator 1.13.0's FlinkDeployment CRD (see the file's header). */
    static final String FLINK_DEPLOYMENT_CRD = "flinkdeployments.flink.apache.org-v1.yml";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Schema schema;

    private CrdSchema(JsonNode openApiV3Schema) {
        this.schema =
                SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(strict(openApiV3Schema));
    }

    /** The schema of the CRD's served version {@code v1beta1} of FlinkDeployment. */
    static CrdSchema flinkDeployment() {
        try (InputStream crd = CrdSchema.class.getResourceAsStream(FLINK_DEPLOYMENT_CRD)) {
            if (crd == null) {
                throw new IllegalStateException(FLINK_DEPLOYMENT_CRD + " is not on the class path");
            }
            return fromCrd(new YAMLMapper().readTree(crd), "v1beta1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CrdSchema fromCrd(JsonNode crd, String version) {
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (version.equals(served.path("name").asText())) {
                return new CrdSchema(served.path("schema").path("openAPIV3Schema"));
            }
        }
        throw new IllegalArgumentException("the CRD has no version " + version);
    }

    /**
     * What the API server would refuse or prune in {@code resource}; empty when it keeps it all.
     */
    List<String> violations(JsonNode resource) {
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(resource)) {
            violations.add(error.toString());
        }
        return violations;
    }

    /**
     * A copy of {@code openApi} as a JSON schema: every object that does not preserve unknown
     * fields refuses properties it does not list, {@code x-kubernetes-int-or-string} becomes an
     * integer or a string, and the Kubernetes extensions and OpenAPI formats (int32, date-time),
     * which JSON Schema does not know, are left out.
     */
    static ObjectNode strict(JsonNode openApi) {
        ObjectNode root = strictNode(openApi);
        // Every object has these at its root, whether its CRD lists them or not; the API server
        // checks ObjectMeta itself.
        ObjectNode properties = root.withObjectProperty("properties");
        properties.set("apiVersion", NODES.objectNode().put("type", "string"));
        properties.set("kind", NODES.objectNode().put("type", "string"));
        properties.set("metadata", NODES.objectNode().put("type", "object"));
        return root;
    }

    private static ObjectNode strictNode(JsonNode node) {
        ObjectNode copy = NODES.objectNode();
        boolean preserveUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        boolean intOrString = node.path("x-kubernetes-int-or-string").asBoolean();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.startsWith("x-kubernetes-") || name.equals("format")) {
                continue;
            }
            switch (name) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    for (Map.Entry<String, JsonNode> property : value.properties()) {
                        properties.set(property.getKey(), strictNode(property.getValue()));
                    }
                }
                case "items", "not" -> copy.set(name, strictNode(value));
                case "additionalProperties" ->
                        copy.set(name, value.isObject() ? strictNode(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode all = copy.putArray(name);
                    value.forEach(each -> all.add(strictNode(each)));
                }
                default -> copy.set(name, value.deepCopy());
            }
        }
        if (intOrString && !copy.has("type")) {
            ArrayNode types = copy.putArray("type");
            types.add("integer").add("string");
        }
        boolean isObject = "object".equals(copy.path("type").asText()) || copy.has("properties");
        if (isObject && !preserveUnknown && !copy.has("additionalProperties")) {
            copy.put("additionalProperties", false);
        }
        return copy;
    }
}
