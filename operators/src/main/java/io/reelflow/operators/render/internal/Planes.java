package io.reelflow.operators.render.internal;

/**
 * Integer pixel operations on 8-bit picture planes, the work done for every output frame: bilinear
 * resampling of a window (Ken Burns moves, scaling), blending two frames (crossfade) and dimming
 * towards black (fade). Plain loops over byte arrays, several times faster than Java2D per frame.
 */
public final class Planes {

    private static final int ONE = 256;
    private static final int HALF = ONE * ONE / 2;

    private Planes() {}

    /**
     * Resamples the window {@code [left, left + windowWidth) x [top, top + windowHeight)} of a
     * source plane (in source pixels, sub-pixel exact so slow moves do not wobble) onto a whole
     * target plane, bilinearly. Samples outside the source take its edge.
     */
    public static void sample(
            byte[] source,
            int sourceOffset,
            int sourceWidth,
            int sourceHeight,
            byte[] target,
            int targetOffset,
            int targetWidth,
            int targetHeight,
            double left,
            double top,
            double windowWidth,
            double windowHeight) {
        sample(
                source,
                sourceOffset,
                sourceWidth,
                sourceHeight,
                target,
                targetOffset,
                targetWidth,
                targetWidth,
                targetHeight,
                left,
                top,
                windowWidth,
                windowHeight);
    }

    /**
     * Like {@link #sample(byte[], int, int, int, byte[], int, int, int, double, double, double,
     * double)}, onto a {@code targetWidth x targetHeight} rectangle of a plane {@code targetStride}
     * bytes wide.
     */
    public static void sample(
            byte[] source,
            int sourceOffset,
            int sourceWidth,
            int sourceHeight,
            byte[] target,
            int targetOffset,
            int targetStride,
            int targetWidth,
            int targetHeight,
            double left,
            double top,
            double windowWidth,
            double windowHeight) {
        int[] x0 = new int[targetWidth];
        int[] x1 = new int[targetWidth];
        int[] fx = new int[targetWidth];
        axis(sourceWidth, targetWidth, left, windowWidth, x0, x1, fx);
        int[] y0 = new int[targetHeight];
        int[] y1 = new int[targetHeight];
        int[] fy = new int[targetHeight];
        axis(sourceHeight, targetHeight, top, windowHeight, y0, y1, fy);
        // Separable: each source row is interpolated horizontally once (two rows cached), then
        // output rows blend two such rows with one weight, a loop the JIT vectorises.
        int[] upper = new int[targetWidth];
        int[] lower = new int[targetWidth];
        int upperRow = -1;
        int lowerRow = -1;
        for (int y = 0; y < targetHeight; y++) {
            int wanted0 = y0[y];
            int wanted1 = y1[y];
            if (upperRow != wanted0) {
                if (lowerRow == wanted0) {
                    int[] swap = upper;
                    upper = lower;
                    lower = swap;
                    upperRow = wanted0;
                    lowerRow = -1;
                } else {
                    horizontal(source, sourceOffset + wanted0 * sourceWidth, x0, x1, fx, upper);
                    upperRow = wanted0;
                }
            }
            if (lowerRow != wanted1) {
                horizontal(source, sourceOffset + wanted1 * sourceWidth, x0, x1, fx, lower);
                lowerRow = wanted1;
            }
            int wy = fy[y];
            int gy = ONE - wy;
            int out = targetOffset + y * targetStride;
            for (int x = 0; x < targetWidth; x++) {
                target[out + x] = (byte) ((upper[x] * gy + lower[x] * wy + HALF) >> 16);
            }
        }
    }

    private static void horizontal(
            byte[] source, int row, int[] x0, int[] x1, int[] fx, int[] into) {
        for (int x = 0; x < into.length; x++) {
            int w = fx[x];
            into[x] = (source[row + x0[x]] & 0xff) * (ONE - w) + (source[row + x1[x]] & 0xff) * w;
        }
    }

    /** Per target pixel along one axis: the two nearest source pixels and the second's weight. */
    private static void axis(
            int sourceSize,
            int targetSize,
            double start,
            double length,
            int[] low,
            int[] high,
            int[] weight) {
        double step = length / targetSize;
        for (int i = 0; i < targetSize; i++) {
            double at = start + (i + 0.5) * step - 0.5;
            at = Math.max(0, Math.min(sourceSize - 1, at));
            int floor = (int) at;
            low[i] = floor;
            high[i] = Math.min(floor + 1, sourceSize - 1);
            weight[i] = (int) Math.round((at - floor) * ONE);
        }
    }

    /** {@code into = into * (1 - weight) + other * weight}, weight in 256ths, byte by byte. */
    public static void blend(byte[] into, byte[] other, int weight) {
        int keep = ONE - weight;
        for (int i = 0; i < into.length; i++) {
            into[i] = (byte) (((into[i] & 0xff) * keep + (other[i] & 0xff) * weight + 128) >> 8);
        }
    }

    /** Dims a canvas towards black: {@code level} 256 keeps it, 0 makes it black. */
    public static void dim(Canvas canvas, int level) {
        byte[] data = canvas.data();
        int chroma = canvas.uOffset();
        for (int i = 0; i < chroma; i++) {
            int luma = (data[i] & 0xff) - Canvas.BLACK_Y;
            data[i] = (byte) (Canvas.BLACK_Y + ((luma * level + 128) >> 8));
        }
        for (int i = chroma; i < data.length; i++) {
            int colour = (data[i] & 0xff) - Canvas.NEUTRAL_CHROMA;
            data[i] = (byte) (Canvas.NEUTRAL_CHROMA + ((colour * level + 128) >> 8));
        }
    }
}
