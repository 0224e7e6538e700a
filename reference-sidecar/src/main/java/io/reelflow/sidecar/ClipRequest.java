package io.reelflow.sidecar;

import java.util.Objects;

/**
 * What {@link ClipSynthesizer} draws: a clip of {@code frames} frames, or a still (one frame).
 * Construction validates every field, so a request always describes something that can be encoded.
 *
 * @param prompt the text the imagery is derived from and that is written on it
 * @param seed makes different imagery from the same prompt
 * @param width even, {@value #MIN_SIZE}-{@value #MAX_WIDTH}
 * @param height even, {@value #MIN_SIZE}-{@value #MAX_HEIGHT}
 * @param fps frames per second, 1-{@value #MAX_FPS}
 * @param frames frames in the clip, 1-{@value #MAX_FRAMES}
 */
public record ClipRequest(String prompt, long seed, int width, int height, int fps, int frames) {

    public static final int MAX_PROMPT_LENGTH = 4000;
    public static final int MIN_SIZE = 16;
    public static final int MAX_WIDTH = 3840;
    public static final int MAX_HEIGHT = 2160;
    public static final int MAX_FPS = 60;
    public static final int MAX_FRAMES = 3600;

    /**
     * @throws IllegalArgumentException with a reason a client can act on
     */
    public ClipRequest {
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
        if (frames < 1 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException(
                    "frames must be 1.." + MAX_FRAMES + " but was " + frames);
        }
    }

    /** A still: one frame. */
    public static ClipRequest still(String prompt, long seed, int width, int height) {
        return new ClipRequest(prompt, seed, width, height, 1, 1);
    }

    /** The length of the clip: {@link #frames()} frames at {@link #fps()}. */
    public double durationSeconds() {
        return frames / (double) fps;
    }

    private static void checkDimension(String name, int value, int max) {
        if (value < MIN_SIZE || value > max || value % 2 != 0) {
            throw new IllegalArgumentException(
                    name + " must be even and " + MIN_SIZE + ".." + max + " but was " + value);
        }
    }
}
