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

    /** Releases decoders and native memory; never throws. */
    @Override
    void close();
}
