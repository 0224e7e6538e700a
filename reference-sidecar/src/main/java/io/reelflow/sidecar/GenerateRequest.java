package io.reelflow.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A {@code POST /v1/generate} request: what clip to make. Construction validates every field, so a
 * {@code GenerateRequest} always describes a clip that can be encoded.
 *
 * @param model the model asked for; informational, this sidecar has only the reference generator
 * @param prompt the text the clip is made from, 1-{@value #MAX_PROMPT_LENGTH} characters
 * @param seed makes different clips from the same prompt
 * @param width even, {@value #MIN_SIZE}-{@value #MAX_WIDTH}
 * @param height even, {@value #MIN_SIZE}-{@value #MAX_HEIGHT}
 * @param fps frames per second, 1-{@value #MAX_FPS}
 * @param durationSeconds greater than 0 and at most {@value #MAX_DURATION_SECONDS}
 */
public record GenerateRequest(
        String model,
        String prompt,
        long seed,
        int width,
        int height,
        int fps,
        double durationSeconds) {

    public static final String DEFAULT_MODEL = "reference";
    public static final int MAX_PROMPT_LENGTH = 2000;
    public static final int MIN_SIZE = 16;
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;
    public static final int MAX_FPS = 60;
    public static final double MAX_DURATION_SECONDS = 60.0;

    /**
     * @throws IllegalArgumentException with a reason a client can act on
     */
    public GenerateRequest {
        model = model == null ? DEFAULT_MODEL : model;
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be empty");
        }
        int promptLength = prompt.codePointCount(0, prompt.length());
        if (promptLength > MAX_PROMPT_LENGTH) {
            throw new IllegalArgumentException(
                    "prompt has "
                            + promptLength
                            + " characters; at most "
                            + MAX_PROMPT_LENGTH
                            + " are allowed");
        }
        checkDimension("width", width, MAX_WIDTH);
        checkDimension("height", height, MAX_HEIGHT);
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps must be 1.." + MAX_FPS + " but was " + fps);
        }
        if (!(durationSeconds > 0) || durationSeconds > MAX_DURATION_SECONDS) {
            throw new IllegalArgumentException(
                    "durationSeconds must be > 0 and <= "
                            + MAX_DURATION_SECONDS
                            + " but was "
                            + durationSeconds);
        }
        if (Math.round(durationSeconds * fps) < 1) {
            throw new IllegalArgumentException(
                    "durationSeconds "
                            + durationSeconds
                            + " at "
                            + fps
                            + " fps is less than one frame");
        }
    }

    /**
     * Reads a request from the JSON body of {@code POST /v1/generate}. Unknown fields are ignored.
     *
     * @throws IllegalArgumentException naming the missing or invalid field
     */
    public static GenerateRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("request body must be a JSON object");
        }
        JsonNode model = body.get("model");
        if (model != null && !model.isNull() && !model.isTextual()) {
            throw new IllegalArgumentException("'model' must be a string");
        }
        return new GenerateRequest(
                model == null || model.isNull() ? null : model.asText(),
                text(body, "prompt"),
                integral(body, "seed", Long.MIN_VALUE, Long.MAX_VALUE),
                (int) integral(body, "width", Integer.MIN_VALUE, Integer.MAX_VALUE),
                (int) integral(body, "height", Integer.MIN_VALUE, Integer.MAX_VALUE),
                (int) integral(body, "fps", Integer.MIN_VALUE, Integer.MAX_VALUE),
                number(body, "durationSeconds"));
    }

    /** Frames in the clip: {@code round(durationSeconds * fps)}. */
    public int frameCount() {
        return (int) Math.round(durationSeconds * fps);
    }

    /** The length of the clip as encoded: {@link #frameCount()} frames at {@link #fps()}. */
    public double clipDurationSeconds() {
        return frameCount() / (double) fps;
    }

    private static void checkDimension(String name, int value, int max) {
        if (value < MIN_SIZE || value > max || value % 2 != 0) {
            throw new IllegalArgumentException(
                    name + " must be even and " + MIN_SIZE + ".." + max + " but was " + value);
        }
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = required(body, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static long integral(JsonNode body, String field, long min, long max) {
        JsonNode value = required(body, field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        long result = value.asLong();
        if (result < min || result > max) {
            throw new IllegalArgumentException("'" + field + "' is out of range: " + result);
        }
        return result;
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = required(body, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number");
        }
        return value.asDouble();
    }
}
