package io.reelflow.operators.quality.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.util.Arrays;
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

    /**
     * Luma levels per pixel a gradient must exceed to count as an edge: above compression noise
     * (1–3) and the smooth gradients of skies and vignettes, below a soft edge of a well exposed
     * picture (contrast 100 over 8 pixels).
     */
    static final float EDGE_GRADIENT = 8f;

    /**
     * The least share of edge pixels for a sharpness: about one 100-pixel edge at 320x180. Fewer is
     * a flat picture, judged by its contrast, not by its sharpness.
     */
    static final float MIN_EDGE_SHARE = 0.002f;

    /** Sharpness is measured on every this many frames of a batch (the first, the fifth...). */
    static final int SHARPNESS_STRIDE = 4;

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
            float[] sharpness = sharpness(luma);
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
                    sharpness,
                    highlights.toFloatArray(),
                    shadows.toFloatArray(),
                    differences);
        } catch (RuntimeException e) {
            throw new MeasurementException(e);
        }
    }

    /**
     * Edge sharpness of every {@link #SHARPNESS_STRIDE}th frame: {@code NaN} for the frames
     * between, 0 for a frame with too few edges to tell.
     *
     * <p>Marziliano et al. ("A no-reference perceptual blur metric", ICIP 2002) measure blur as
     * edge width. Over the inner pixels whose gradient is steep enough to be an edge: mean
     * |Laplacian| / mean gradient. A step of height A spread over w pixels has gradient A/w and a
     * Laplacian of about A/w at both ends, so the ratio is about 2/(w+1), whatever A: it judges how
     * wide edges are, not how many there are, so a flat picture with a few crisp shapes is as sharp
     * as a detailed one (the variance of the Laplacian measured texture instead).
     */
    private static float[] sharpness(NDArray luma) {
        int frames = (int) luma.getShape().get(0);
        // Successive samples of a stretch are 40-120 ms apart: their edges are as wide. Every
        // fourth keeps the cost of this measure below the others' (it takes ~17 operations).
        NDArray some = luma.get("::" + SHARPNESS_STRIDE);
        int measured = (int) some.getShape().get(0);
        NDArray laplacian =
                some.get(":, 1:-1, 1:-1")
                        .mul(-4f)
                        .add(some.get(":, :-2, 1:-1"))
                        .add(some.get(":, 2:, 1:-1"))
                        .add(some.get(":, 1:-1, :-2"))
                        .add(some.get(":, 1:-1, 2:"))
                        .abs()
                        .reshape(measured, -1);
        NDArray dx = some.get(":, 1:-1, 2:").sub(some.get(":, 1:-1, :-2"));
        NDArray dy = some.get(":, 2:, 1:-1").sub(some.get(":, :-2, 1:-1"));
        // Central differences span two pixels: the gradient per pixel is half their length.
        NDArray gradient = dx.square().add(dy.square()).sqrt().reshape(measured, -1);
        NDArray edges = gradient.gt(2 * EDGE_GRADIENT).toType(DataType.FLOAT32, false);
        float[] edgeShare = edges.mean(PIXELS).toFloatArray();
        float[] ratio =
                laplacian
                        .mul(edges)
                        .sum(PIXELS)
                        .mul(2f)
                        .div(gradient.mul(edges).sum(PIXELS).maximum(1e-6f))
                        .toFloatArray();
        float[] sharpness = new float[frames];
        Arrays.fill(sharpness, Float.NaN);
        for (int i = 0; i < measured; i++) {
            sharpness[i * SHARPNESS_STRIDE] = edgeShare[i] < MIN_EDGE_SHARE ? 0f : ratio[i];
        }
        return sharpness;
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
