package io.reelflow.operators.port;

/**
 * What a sidecar is asked to generate. The same request always has the same {@link #cacheKey()}, so
 * a clip is generated once and then found in object storage.
 */
public record GenerationRequest(
        String model,
        String prompt,
        long seed,
        int width,
        int height,
        int fps,
        double durationSeconds) {

    /** A stable description of every parameter that shapes the clip, hashed into the clip's key. */
    public String cacheKey() {
        return String.join(
                "\n",
                model,
                prompt,
                Long.toString(seed),
                Integer.toString(width),
                Integer.toString(height),
                Integer.toString(fps),
                Double.toString(durationSeconds));
    }
}
