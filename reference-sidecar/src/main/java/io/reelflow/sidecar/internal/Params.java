package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Request fields from a JSON object or from multipart text fields, read the way pydantic coerces
 * them: numbers may arrive as JSON numbers or as decimal strings.
 */
public final class Params {

    private final JsonNode json;
    private final Map<String, String> form;

    private Params(JsonNode json, Map<String, String> form) {
        this.json = json;
        this.form = form;
    }

    public static Params of(JsonNode json) {
        return new Params(json, null);
    }

    public static Params of(Map<String, String> form) {
        return new Params(null, form);
    }

    public boolean has(String field) {
        if (form != null) {
            return form.containsKey(field) && !form.get(field).isEmpty();
        }
        JsonNode value = json.get(field);
        return value != null && !value.isNull();
    }

    /** The field as text, or {@code fallback} when absent. */
    public String text(String field, String fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (form != null) {
            return form.get(field);
        }
        JsonNode value = json.get(field);
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + ": Input should be a valid string");
        }
        return value.asText();
    }

    /** The field as a whole number, or {@code fallback} when absent. */
    public long integer(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (json != null && json.get(field).isIntegralNumber()) {
            return json.get(field).asLong();
        }
        String text = text(field, null).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + ": Input should be a valid integer, got '" + text + "'");
        }
    }

    /** The field as a number, or {@code fallback} when absent. */
    public double number(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        if (json != null && json.get(field).isNumber()) {
            return json.get(field).asDouble();
        }
        String text = text(field, null).strip();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + ": Input should be a valid number, got '" + text + "'");
        }
    }

    /** {@code WxH}, as the {@code size} field is written. */
    public static int[] size(String field, String value) {
        String[] parts = value.strip().split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException(
                field + ": String should match pattern '^\\d+x\\d+$', got '" + value + "'");
    }
}
