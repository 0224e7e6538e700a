package io.reelflow.operators.port;

import java.util.Objects;

/**
 * One piece of GPU work, described completely: the same request always has the same {@link
 * #contentKey()}, under which its job is registered and its result cached, so the same work is
 * never submitted twice. Sizes, frame rate and frame count are already snapped to what the model
 * accepts.
 *
 * @param model the model's name as its server knows it
 * @param modelVersion the model's version (weights, server build); part of the content key
 * @param kind a clip or a still
 * @param prompt what to show, in English
 * @param negativePrompt what to avoid; empty for none
 * @param seed the sampler seed
 * @param width width in pixels
 * @param height height in pixels
 * @param fps frames per second of a clip; 0 for a still
 * @param frames frames of a clip; 0 for a still
 */
public record GenerationRequest(
        String model,
        String modelVersion,
        MediaKind kind,
        String prompt,
        String negativePrompt,
        long seed,
        int width,
        int height,
        int fps,
        int frames) {

    public GenerationRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(negativePrompt, "negativePrompt");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "size must be positive, was " + width + "x" + height);
        }
        if (kind == MediaKind.VIDEO && (fps < 1 || frames < 1)) {
            throw new IllegalArgumentException(
                    "a clip needs fps and frames, was " + fps + " fps, " + frames + " frames");
        }
    }

    /** The clip's length; 0 for a still. */
    public double durationSeconds() {
        return fps == 0 ? 0 : frames / (double) fps;
    }

    /** {@code width x height}, as most servers write a size. */
    public String size() {
        return width + "x" + height;
    }

    /** The SHA-256 (hex) of every parameter that shapes the result. */
    public String contentKey() {
        return ContentKeys.sha256(
                "v2",
                model,
                modelVersion,
                kind.name(),
                prompt,
                negativePrompt,
                Long.toString(seed),
                size(),
                Integer.toString(fps),
                Integer.toString(frames));
    }
}
