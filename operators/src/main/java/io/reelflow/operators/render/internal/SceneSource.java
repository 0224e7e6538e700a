package io.reelflow.operators.render.internal;

import java.io.IOException;

/**
 * The picture of one scene, painted frame by frame onto the output canvas. Implementations stream
 * their media (one decoded frame at a time), so a long clip never sits in memory.
 */
public interface SceneSource extends AutoCloseable {

    /**
     * Paints frame {@code frame} (0-based) of a scene {@code frameCount} frames long over the whole
     * canvas.
     *
     * @throws IOException when the media cannot be decoded; the caller falls back to a title card
     */
    void paint(Canvas canvas, int frame, int frameCount) throws IOException;

    /**
     * Like {@link #paint(Canvas, int, int)}; sources whose pixel work splits by rows share it out
     * over {@code bands}. The default paints on the calling thread.
     */
    default void paint(Canvas canvas, int frame, int frameCount, Bands bands) throws IOException {
        paint(canvas, frame, frameCount);
    }

    /** Releases decoders and native memory; never throws. */
    @Override
    void close();
}
