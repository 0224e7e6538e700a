package io.reelflow.operators.quality.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-frame picture measurements of a batch of grey frames, computed on DJL {@code NDArray}s with
 * the PyTorch engine: on the first CUDA device when there is one, else on the CPU. Every call opens
 * and closes its own {@link NDManager}, so no native memory outlives it.
 */
public final class LumaMeasures {

    private static final Logger LOG = LoggerFactory.getLogger(LumaMeasures.class);

    static final String ENGINE = "PyTorch";

    /** Luma at or above which a pixel counts as a clipped highlight. */
    static final float HIGHLIGHT = 250f;

    /** Luma at or below which a pixel counts as a crushed shadow. */
    static final float SHADOW = 5f;

    /** The engine reduces one axis at a time: frames are flattened to rows of pixels. */
    private static final int[] PIXELS = {1};

    private LumaMeasures() {}

    /**
     * What one batch measured, one entry per frame ({@code differences[i]}: frame {@code i} against
     * frame {@code i - 1}; {@code NaN} for the first frame).
     */
    public record Batch(
            float[] mean,
            float[] deviation,
            float[] sharpness,
            float[] highlights,
            float[] shadows,
            float[] differences) {}

    /** The device measurements run on, chosen once per process. */
    public static Device device() {
        return Holder.DEVICE;
    }

    /**
     * Measures {@code frames} grey frames of {@code height} x {@code width}, stored row by row and
     * frame after frame from the buffer's position (a direct buffer avoids a copy).
     */
    public static Batch measure(ByteBuffer pixels, int frames, int height, int width) {
        if (frames < 1 || height < 3 || width < 3) {
            throw new IllegalArgumentException(
                    "need at least one 3x3 frame, got " + frames + "x" + height + "x" + width);
        }
        try (NDManager manager = NDManager.newBaseManager(device(), ENGINE)) {
            NDArray bytes =
                    manager.create(pixels, new Shape(frames, height, width), DataType.UINT8);
            NDArray luma = bytes.toType(DataType.FLOAT32, false);
            NDArray flat = luma.reshape(frames, -1);
            NDArray mean = flat.mean(PIXELS);
            NDArray deviation = flat.square().mean(PIXELS).sub(mean.square()).maximum(0f).sqrt();
            // 4-neighbour Laplacian of the inner pixels, then its variance per frame.
            NDArray laplacian =
                    luma.get(":, 1:-1, 1:-1")
                            .mul(-4f)
                            .add(luma.get(":, :-2, 1:-1"))
                            .add(luma.get(":, 2:, 1:-1"))
                            .add(luma.get(":, 1:-1, :-2"))
                            .add(luma.get(":, 1:-1, 2:"))
                            .reshape(frames, -1);
            NDArray sharpness =
                    laplacian.square().mean(PIXELS).sub(laplacian.mean(PIXELS).square());
            NDArray highlights = flat.gte(HIGHLIGHT).toType(DataType.FLOAT32, false).mean(PIXELS);
            NDArray shadows = flat.lte(SHADOW).toType(DataType.FLOAT32, false).mean(PIXELS);
            float[] differences = new float[frames];
            differences[0] = Float.NaN;
            if (frames > 1) {
                float[] measured =
                        flat.get("1:").sub(flat.get(":-1")).abs().mean(PIXELS).toFloatArray();
                System.arraycopy(measured, 0, differences, 1, measured.length);
            }
            return new Batch(
                    mean.toFloatArray(),
                    deviation.toFloatArray(),
                    sharpness.toFloatArray(),
                    highlights.toFloatArray(),
                    shadows.toFloatArray(),
                    differences);
        } catch (RuntimeException e) {
            throw new MeasurementException(e);
        }
    }

    /** The engine failed: a fault of this machine or library, not of the video. */
    public static final class MeasurementException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MeasurementException(Throwable cause) {
            super("frame measurement on DJL " + ENGINE + " failed: " + cause.getMessage(), cause);
        }
    }

    /** Loads the engine once, on first use, and says where frames are measured. */
    private static final class Holder {
        static final Device DEVICE = choose();

        private static Device choose() {
            Engine engine = Engine.getEngine(ENGINE);
            // Frames are small and videos are scored in parallel by the operator's pool: intra-op
            // threads would only spin (OpenMP busy-waits), costing CPU for no gain.
            JniUtils.setNumThreads(1);
            Device device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            LOG.info(
                    "Quality frame measurements on DJL {} {} ({})",
                    ENGINE,
                    engine.getVersion(),
                    device.isGpu() ? "CUDA device " + device.getDeviceId() : "CPU, no CUDA device");
            return device;
        }
    }
}
