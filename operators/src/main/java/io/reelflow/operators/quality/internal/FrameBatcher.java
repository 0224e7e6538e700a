package io.reelflow.operators.quality.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects grey frames into batches of a fixed size and measures each full batch at once, so the
 * engine is called once per batch, not per frame, and memory stays bounded whatever the video's
 * length. The last frame of a batch starts the next one, so every frame has its difference to the
 * one before. Not thread-safe: one per decode.
 */
public final class FrameBatcher {

    private final int width;
    private final int height;
    private final int frameBytes;
    private final int capacity;
    private final ByteBuffer pixels;
    private final double[] seconds;
    private final List<FrameSample> samples = new ArrayList<>();
    private int count;
    private boolean carried;

    public FrameBatcher(int width, int height, int batchFrames) {
        if (batchFrames < 2) {
            throw new IllegalArgumentException("a batch holds at least 2 frames");
        }
        this.width = width;
        this.height = height;
        this.frameBytes = width * height;
        this.capacity = batchFrames;
        this.pixels = ByteBuffer.allocateDirect(frameBytes * batchFrames);
        this.seconds = new double[batchFrames];
    }

    /**
     * Adds the first {@link #height()} rows of a grey frame of at least {@link #width()} columns.
     *
     * @param rowStride bytes from one row to the next in {@code image}
     */
    public void add(ByteBuffer image, int rowStride, double at) {
        if (count == capacity) {
            flush();
        }
        int base = count * frameBytes;
        for (int row = 0; row < height; row++) {
            pixels.put(base + row * width, image, row * rowStride, width);
        }
        seconds[count++] = at;
    }

    /** Measures what is left and returns every frame's measurements in decoding order. */
    public List<FrameSample> finish() {
        if (count > (carried ? 1 : 0)) {
            flush();
        }
        return samples;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    private void flush() {
        LumaMeasures.Batch batch =
                LumaMeasures.measure(pixels.duplicate().position(0), count, height, width);
        for (int i = carried ? 1 : 0; i < count; i++) {
            samples.add(
                    new FrameSample(
                            seconds[i],
                            batch.mean()[i],
                            batch.deviation()[i],
                            batch.sharpness()[i],
                            batch.highlights()[i],
                            batch.shadows()[i],
                            batch.differences()[i]));
        }
        // The last frame opens the next batch, for its successor's difference.
        pixels.put(0, pixels.duplicate(), (count - 1) * frameBytes, frameBytes);
        seconds[0] = seconds[count - 1];
        count = 1;
        carried = true;
    }
}
