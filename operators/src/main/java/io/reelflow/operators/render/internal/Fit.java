package io.reelflow.operators.render.internal;

/**
 * How a picture fills a frame of another shape: {@link #COVER} scales it until it covers the frame
 * and crops the rest; {@link #BLUR_PAD} shows all of it, on a blurred, darkened enlargement of
 * itself, when covering would crop too much (a portrait photo in a landscape video).
 */
public enum Fit {
    COVER,
    BLUR_PAD;

    /** Covering may crop up to this aspect ratio mismatch (a 4:3 photo in 16:9 is 1.33). */
    public static final double MAX_COVER_MISMATCH = 1.4;

    /** The fit for a {@code width x height} picture in a {@code frameWidth x frameHeight} frame. */
    public static Fit choose(int width, int height, int frameWidth, int frameHeight) {
        double mismatch = ((double) width / height) / ((double) frameWidth / frameHeight);
        return Math.max(mismatch, 1 / mismatch) > MAX_COVER_MISMATCH ? BLUR_PAD : COVER;
    }
}
