package io.reelflow.schemas.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain JSON for Avro records, as people and tools like {@code kcat} and {@code jq} expect it:
 * field names from the schema, unions as their plain value (not Avro's {@code {"string": ...}}
 * wrapping), timestamps as ISO-8601 strings, bytes as Base64. Fields missing on read take their
 * schema default.
 */
public final class RecordJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static {
        AvroClassTrust.install();
    }

    private RecordJson() {}

    /** The record as UTF-8 JSON bytes. */
    public static byte[] toJson(SpecificRecord record) {
        try {
            return MAPPER.writeValueAsBytes(toNode(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot write JSON for " + record.getSchema().getName(), e);
        }
    }

    /** The record as a JSON string. */
    public static String toJsonString(SpecificRecord record) {
        return new String(toJson(record), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The record as a Jackson tree. */
    public static ObjectNode toNode(SpecificRecord record) {
        return (ObjectNode) write(record, record.getSchema());
    }

    /** Reads a record of {@code type} from JSON written by {@link #toJson} (or by hand). */
    public static <T extends SpecificRecord> T fromJson(byte[] json, Class<T> type)
            throws InvalidRecordException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getMessage(), e);
        }
        return fromNode(node, type);
    }

    /** Reads a record of {@code type} from a Jackson tree. */
    public static <T extends SpecificRecord> T fromNode(JsonNode node, Class<T> type)
            throws InvalidRecordException {
        Schema schema = SpecificData.get().getSchema(type);
        return type.cast(read(node, schema, schema.getName()));
    }

    private static JsonNode write(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case RECORD:
                ObjectNode object = NODES.objectNode();
                SpecificRecord record = (SpecificRecord) value;
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), write(record.get(field.pos()), field.schema()));
                }
                return object;
            case UNION:
                return write(
                        value,
                        schema.getTypes().get(SpecificData.get().resolveUnion(schema, value)));
            case ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    array.add(write(item, schema.getElementType()));
                }
                return array;
            case MAP:
                ObjectNode map = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    map.set(
                            entry.getKey().toString(),
                            write(entry.getValue(), schema.getValueType()));
                }
                return map;
            case STRING:
            case ENUM:
                return NODES.textNode(value.toString());
            case BYTES:
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            case INT:
                return NODES.numberNode((Integer) value);
            case LONG:
                if (value instanceof Instant instant) {
                    return NODES.textNode(instant.toString());
                }
                return NODES.numberNode((Long) value);
            case FLOAT:
                return NODES.numberNode((Float) value);
            case DOUBLE:
                return NODES.numberNode((Double) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("Unsupported Avro type " + schema.getType());
        }
    }

    private static Object read(JsonNode node, Schema schema, String path)
            throws InvalidRecordException {
        switch (schema.getType()) {
            case RECORD:
                if (!node.isObject()) {
                    throw new InvalidRecordException(path + " must be a JSON object");
                }
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    JsonNode child = node.get(field.name());
                    String childPath = path + "." + field.name();
                    if (child == null || child.isMissingNode()) {
                        if (!field.hasDefaultValue()) {
                            throw new InvalidRecordException(childPath + " is required");
                        }
                        record.put(field.pos(), defaultOf(field));
                    } else {
                        record.put(field.pos(), read(child, field.schema(), childPath));
                    }
                }
                return record;
            case UNION:
                if (node.isNull()) {
                    if (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
                        return null;
                    }
                    throw new InvalidRecordException(path + " must not be null");
                }
                for (Schema branch : schema.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return read(node, branch, path);
                    }
                }
                throw new InvalidRecordException(path + " must be null");
            case ARRAY:
                if (!node.isArray()) {
                    throw new InvalidRecordException(path + " must be a JSON array");
                }
                List<Object> items = new ArrayList<>();
                for (JsonNode item : node) {
                    items.add(read(item, schema.getElementType(), path + "[]"));
                }
                return items;
            case MAP:
                if (!node.isObject()) {
                    throw new InvalidRecordException(path + " must be a JSON object");
                }
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    map.put(
                            entry.getKey(),
                            read(
                                    entry.getValue(),
                                    schema.getValueType(),
                                    path + "." + entry.getKey()));
                }
                return map;
            case STRING:
                if (node.isContainerNode() || node.isNull()) {
                    throw new InvalidRecordException(path + " must be a string");
                }
                return node.asText();
            case ENUM:
                if (!node.isTextual() || !schema.hasEnumSymbol(node.asText())) {
                    throw new InvalidRecordException(
                            path + " must be one of " + schema.getEnumSymbols());
                }
                return SpecificData.get().createEnum(node.asText(), schema);
            case BYTES:
                if (!node.isTextual()) {
                    throw new InvalidRecordException(path + " must be a Base64 string");
                }
                try {
                    return ByteBuffer.wrap(Base64.getDecoder().decode(node.asText()));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRecordException(path + " must be a Base64 string", e);
                }
            case INT:
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw new InvalidRecordException(path + " must be an integer");
                }
                return node.intValue();
            case LONG:
                if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
                    return readInstant(node, path);
                }
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw new InvalidRecordException(path + " must be an integer");
                }
                return node.longValue();
            case FLOAT:
            case DOUBLE:
                if (!node.isNumber()) {
                    throw new InvalidRecordException(path + " must be a number");
                }
                return schema.getType() == Schema.Type.FLOAT
                        ? node.floatValue()
                        : node.doubleValue();
            case BOOLEAN:
                if (!node.isBoolean()) {
                    throw new InvalidRecordException(path + " must be true or false");
                }
                return node.booleanValue();
            case NULL:
                return null;
            default:
                throw new InvalidRecordException(
                        path + " has unsupported type " + schema.getType());
        }
    }

    private static Instant readInstant(JsonNode node, String path) throws InvalidRecordException {
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.longValue());
        }
        try {
            return Instant.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRecordException(
                    path + " must be an ISO-8601 instant or epoch millis", e);
        }
    }

    private static Object defaultOf(Schema.Field field) {
        Object value =
                SpecificData.get()
                        .deepCopy(field.schema(), SpecificData.get().getDefaultValue(field));
        if (value instanceof Long millis
                && field.schema().getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(millis);
        }
        return value;
    }
}
