package io.reelflow.operators.render.internal;

/**
 * How a picture of one size covers a frame of another, like CSS {@code object-fit: cover}: scaled
 * uniformly until both sides reach the frame, then centre-cropped. No letterbox bars.
 *
 * @param scaledWidth width of the picture after scaling
 * @param scaledHeight height of the picture after scaling
 * @param cropX left edge of the visible part in the scaled picture
 * @param cropY top edge of the visible part in the scaled picture
 */
public record CoverCrop(int scaledWidth, int scaledHeight, int cropX, int cropY) {

    /** Covers a {@code frameWidth x frameHeight} frame with a {@code width x height} picture. */
    public static CoverCrop of(int width, int height, int frameWidth, int frameHeight) {
        if (width <= 0 || height <= 0 || frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException(
                    "sizes must be positive: "
                            + width
                            + "x"
                            + height
                            + " -> "
                            + frameWidth
                            + "x"
                            + frameHeight);
        }
        double scale = Math.max((double) frameWidth / width, (double) frameHeight / height);
        int scaledWidth = Math.max(frameWidth, (int) Math.round(width * scale));
        int scaledHeight = Math.max(frameHeight, (int) Math.round(height * scale));
        return new CoverCrop(
                scaledWidth,
                scaledHeight,
                (scaledWidth - frameWidth) / 2,
                (scaledHeight - frameHeight) / 2);
    }
}
