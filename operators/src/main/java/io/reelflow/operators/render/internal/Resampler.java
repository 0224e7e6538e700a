package io.reelflow.operators.render.internal;

/**
 * Bilinear resampling of a window of a picture plane, the work of every Ken Burns frame. Rows are
 * blended first, eight bytes at a time ({@link Planes#mix}), then each output pixel interpolates
 * two neighbours of that blended row through one table entry. Keeps its tables and row buffer
 * between calls, so a frame allocates nothing; not thread-safe, use one per thread.
 */
public final class Resampler {

    /** Table entries hold a source index above {@link #WEIGHT_BITS} bits of weight (0..255). */
    private static final int WEIGHT_BITS = 8;

    private static final int WEIGHT_MASK = (1 << WEIGHT_BITS) - 1;
    private static final int ONE = 1 << WEIGHT_BITS;

    private int[] columns = new int[0];
    private int[] rows = new int[0];
    private byte[] line = new byte[0];

    /**
     * Resamples the window {@code [left, left + windowWidth) x [top, top + windowHeight)} of a
     * source plane (in source pixels, sub-pixel exact so slow moves do not wobble) onto a {@code
     * targetWidth x targetHeight} rectangle of a plane {@code targetStride} bytes wide. Samples
     * outside the source take its edge. Each output is within one step of exact bilinear
     * interpolation (the blended rows are rounded to bytes).
     */
    public void sample(
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
        if (columns.length < targetWidth) {
            columns = new int[targetWidth];
        }
        if (rows.length < targetHeight) {
            rows = new int[targetHeight];
        }
        // One spare byte: the right neighbour of the last column is read with weight 0.
        if (line.length < sourceWidth + 1) {
            line = new byte[sourceWidth + 1];
        }
        int[] columns = this.columns;
        byte[] line = this.line;
        axis(sourceWidth, targetWidth, left, windowWidth, columns);
        axis(sourceHeight, targetHeight, top, windowHeight, rows);
        // Indexes are monotonic, so the ends bound the columns the window reads.
        int firstIndex = columns[0] >>> WEIGHT_BITS;
        int lastIndex = columns[targetWidth - 1] >>> WEIGHT_BITS;
        int from = Math.min(firstIndex, lastIndex);
        int until = Math.min(sourceWidth, Math.max(firstIndex, lastIndex) + 2);
        int blended = -1;
        for (int y = 0; y < targetHeight; y++) {
            int entry = rows[y];
            if (entry != blended) {
                int row = sourceOffset + (entry >>> WEIGHT_BITS) * sourceWidth;
                int weight = entry & WEIGHT_MASK;
                if (weight == 0) {
                    System.arraycopy(source, row + from, line, from, until - from);
                } else {
                    Planes.mix(
                            source,
                            row + from,
                            source,
                            row + sourceWidth + from,
                            line,
                            from,
                            until - from,
                            weight);
                }
                blended = entry;
            }
            int out = targetOffset + y * targetStride;
            for (int x = 0; x < targetWidth; x++) {
                int column = columns[x];
                int at = column >>> WEIGHT_BITS;
                int low = line[at] & 0xff;
                int high = line[at + 1] & 0xff;
                target[out + x] =
                        (byte)
                                (((low << WEIGHT_BITS)
                                                + (high - low) * (column & WEIGHT_MASK)
                                                + 128)
                                        >> WEIGHT_BITS);
            }
        }
    }

    /**
     * Per target pixel along one axis: the nearer-to-origin source pixel of the two it lies
     * between, and the weight of the other, packed into one int.
     */
    private static void axis(
            int sourceSize, int targetSize, double start, double length, int[] entries) {
        double step = length / targetSize;
        for (int i = 0; i < targetSize; i++) {
            double at = start + (i + 0.5) * step - 0.5;
            at = Math.max(0, Math.min(sourceSize - 1, at));
            int floor = (int) at;
            int weight = (int) Math.round((at - floor) * ONE);
            if (weight == ONE) {
                floor++;
                weight = 0;
            }
            entries[i] = floor << WEIGHT_BITS | weight;
        }
    }
}
