package io.reelflow.operators.quality.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects grey frames into batches of a fixed size and measures each full batch at once, so the
 * engine is called once per batch, not per frame, and memory stays bounded whatever the video's
 * length. The last frame of a batch starts the next one, so every frame has its difference to the
 * one before. Not thread-safe: one per decode, and one live batcher per thread at a time (they
 * share the thread's pixel buffer).
 */
public final class FrameBatcher {

    /**
     * One pixel buffer per thread, kept: a direct buffer is freed only when a collection finds it,
     * so one per video would pile up native memory between collections.
     */
    private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();

    private final int width;
    private final int height;
    private final int frameBytes;
    private final int capacity;
    private final ByteBuffer pixels;
    private final double[] seconds;
    private final boolean[] follows;
    private final List<FrameSample> samples = new ArrayList<>();
    private int count;
    private boolean carried;
    private boolean broken = true;

    public FrameBatcher(int width, int height, int batchFrames) {
        if (batchFrames < 2) {
            throw new IllegalArgumentException("a batch holds at least 2 frames");
        }
        this.width = width;
        this.height = height;
        this.frameBytes = width * height;
        this.capacity = batchFrames;
        this.pixels = scratch(frameBytes * batchFrames);
        this.seconds = new double[batchFrames];
        this.follows = new boolean[batchFrames];
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
        follows[count] = !broken;
        broken = false;
        seconds[count++] = at;
    }

    /** The next frame does not follow the last one (the decoder jumped): it has no difference. */
    public void breakSequence() {
        broken = true;
    }

    private static ByteBuffer scratch(int bytes) {
        ByteBuffer buffer = SCRATCH.get();
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes);
            SCRATCH.set(buffer);
        }
        return buffer;
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
                            follows[i] ? batch.differences()[i] : Double.NaN));
        }
        // The last frame opens the next batch, for its successor's difference.
        pixels.put(0, pixels.duplicate(), (count - 1) * frameBytes, frameBytes);
        seconds[0] = seconds[count - 1];
        follows[0] = follows[count - 1];
        count = 1;
        carried = true;
    }
}
