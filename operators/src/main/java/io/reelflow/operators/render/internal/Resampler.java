package io.reelflow.operators.render.internal;

/**
 * Bilinear resampling of a window of a picture plane, the work of every Ken Burns frame. Rows are
 * blended first, eight bytes at a time ({@link Planes#mix}), then each output pixel interpolates
 * two neighbours of that blended row through one {@link Grid} entry: eight pixels per step with the
 * Vector API when the JVM has {@code jdk.incubator.vector} ({@link VectorRows}), else one by one;
 * the result is the same. Keeps its row buffers between calls, so a frame allocates only its grids;
 * not thread-safe, use one per thread.
 */
public final class Resampler {

    /** Grid entries hold a source index above {@link #WEIGHT_BITS} bits of weight (0..255). */
    private static final int WEIGHT_BITS = 8;

    private static final int WEIGHT_MASK = (1 << WEIGHT_BITS) - 1;
    private static final int ONE = 1 << WEIGHT_BITS;

    /**
     * True when the JVM runs with {@code --add-modules jdk.incubator.vector} (and the system
     * property {@code reelflow.render.scalar} is not set): rows are then interpolated by {@link
     * VectorRows}. Decided here, so that class is never loaded without the module.
     */
    static final boolean VECTOR =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                    && !Boolean.getBoolean("reelflow.render.scalar");

    static {
        if (VECTOR) {
            VectorRows.warmUp();
        }
    }

    /** Bytes a vector load reads from a blended row. */
    static final int VECTOR_LOAD = 16;

    /** Whether rows are interpolated with the Vector API in this JVM. */
    public static boolean vectorised() {
        return VECTOR;
    }

    private byte[] line = new byte[0];
    private byte[] otherLine = new byte[0];

    /**
     * Where each pixel of a {@code targetWidth x targetHeight} rectangle samples the window {@code
     * [left, left + windowWidth) x [top, top + windowHeight)} of a {@code sourceWidth x
     * sourceHeight} plane (in source pixels, sub-pixel exact so slow moves do not wobble; samples
     * outside the source take its edge). Computed once per frame and geometry and shared by the
     * bands and the planes (U and V) that use it; immutable.
     */
    public static final class Grid {
        private final int sourceWidth;
        private final int targetWidth;
        private final int targetHeight;
        private final int[] columns;
        private final int[] rows;
        private final int firstColumn;
        private final int endColumn;
        private final VectorRows.Table vectorColumns;

        public Grid(
                int sourceWidth,
                int sourceHeight,
                int targetWidth,
                int targetHeight,
                double left,
                double top,
                double windowWidth,
                double windowHeight) {
            this.sourceWidth = sourceWidth;
            this.targetWidth = targetWidth;
            this.targetHeight = targetHeight;
            this.columns = axis(sourceWidth, targetWidth, left, windowWidth);
            this.rows = axis(sourceHeight, targetHeight, top, windowHeight);
            // Indexes are monotonic, so the ends bound the columns the window reads.
            int first = columns[0] >>> WEIGHT_BITS;
            int last = columns[targetWidth - 1] >>> WEIGHT_BITS;
            this.firstColumn = Math.min(first, last);
            this.endColumn = Math.min(sourceWidth, Math.max(first, last) + 2);
            this.vectorColumns = VECTOR ? VectorRows.table(columns, WEIGHT_BITS) : null;
        }

        public int targetHeight() {
            return targetHeight;
        }
    }

    /**
     * Resamples the window {@code [left, left + windowWidth) x [top, top + windowHeight)} of a
     * source plane onto a {@code targetWidth x targetHeight} rectangle of a plane {@code
     * targetStride} bytes wide; see {@link Grid}. Each output is within one step of exact bilinear
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
        Grid grid =
                new Grid(
                        sourceWidth,
                        sourceHeight,
                        targetWidth,
                        targetHeight,
                        left,
                        top,
                        windowWidth,
                        windowHeight);
        sample(grid, source, sourceOffset, target, targetOffset, targetStride, 0, targetHeight);
    }

    /**
     * Resamples target rows {@code [fromRow, untilRow)} of {@code grid} from the plane at {@code
     * sourceOffset} of {@code source} to the plane at {@code targetOffset} of {@code target}.
     */
    public void sample(
            Grid grid,
            byte[] source,
            int sourceOffset,
            byte[] target,
            int targetOffset,
            int targetStride,
            int fromRow,
            int untilRow) {
        byte[] line = lineFor(grid);
        int blended = -1;
        for (int y = fromRow; y < untilRow; y++) {
            int entry = grid.rows[y];
            if (entry != blended) {
                blendRows(grid, source, sourceOffset, entry, line);
                blended = entry;
            }
            interpolate(grid, line, target, targetOffset + y * targetStride);
        }
    }

    /**
     * Like {@link #sample(Grid, byte[], int, byte[], int, int, int, int)} for two planes of the
     * same geometry (U and V) at once: they share the grid's lookups.
     */
    public void samplePair(
            Grid grid,
            byte[] source,
            int firstOffset,
            int secondOffset,
            byte[] target,
            int firstTarget,
            int secondTarget,
            int targetStride,
            int fromRow,
            int untilRow) {
        byte[] first = lineFor(grid);
        if (otherLine.length < first.length) {
            otherLine = new byte[first.length];
        }
        byte[] second = otherLine;
        int[] columns = grid.columns;
        int width = grid.targetWidth;
        int blended = -1;
        for (int y = fromRow; y < untilRow; y++) {
            int entry = grid.rows[y];
            if (entry != blended) {
                blendRows(grid, source, firstOffset, entry, first);
                blendRows(grid, source, secondOffset, entry, second);
                blended = entry;
            }
            int out = y * targetStride;
            if (grid.vectorColumns != null) {
                interpolate(grid, first, target, firstTarget + out);
                interpolate(grid, second, target, secondTarget + out);
                continue;
            }
            for (int x = 0; x < width; x++) {
                int column = columns[x];
                int at = column >>> WEIGHT_BITS;
                int weight = column & WEIGHT_MASK;
                int low = first[at] & 0xff;
                target[firstTarget + out + x] =
                        (byte)
                                (((low << WEIGHT_BITS)
                                                + ((first[at + 1] & 0xff) - low) * weight
                                                + 128)
                                        >> WEIGHT_BITS);
                low = second[at] & 0xff;
                target[secondTarget + out + x] =
                        (byte)
                                (((low << WEIGHT_BITS)
                                                + ((second[at + 1] & 0xff) - low) * weight
                                                + 128)
                                        >> WEIGHT_BITS);
            }
        }
    }

    private byte[] lineFor(Grid grid) {
        // Spare bytes: the right neighbour of the last column is read with weight 0, and a vector
        // load reads a whole 16 bytes.
        if (line.length < grid.sourceWidth + VECTOR_LOAD) {
            line = new byte[grid.sourceWidth + VECTOR_LOAD];
        }
        return line;
    }

    /** The two source rows of a row entry, blended by its weight, over the columns in use. */
    private static void blendRows(
            Grid grid, byte[] source, int sourceOffset, int entry, byte[] line) {
        int from = grid.firstColumn;
        int length = grid.endColumn - from;
        int row = sourceOffset + (entry >>> WEIGHT_BITS) * grid.sourceWidth + from;
        int weight = entry & WEIGHT_MASK;
        if (weight == 0) {
            System.arraycopy(source, row, line, from, length);
        } else {
            Planes.mix(source, row, source, row + grid.sourceWidth, line, from, length, weight);
        }
    }

    private static void interpolate(Grid grid, byte[] line, byte[] target, int out) {
        int done =
                grid.vectorColumns != null
                        ? VectorRows.interpolate(grid.vectorColumns, line, target, out)
                        : 0;
        int[] columns = grid.columns;
        for (int x = done; x < grid.targetWidth; x++) {
            int column = columns[x];
            int at = column >>> WEIGHT_BITS;
            int low = line[at] & 0xff;
            int high = line[at + 1] & 0xff;
            target[out + x] =
                    (byte)
                            (((low << WEIGHT_BITS) + (high - low) * (column & WEIGHT_MASK) + 128)
                                    >> WEIGHT_BITS);
        }
    }

    /**
     * Per target pixel along one axis: the nearer-to-origin source pixel of the two it lies
     * between, and the weight of the other, packed into one int.
     */
    private static int[] axis(int sourceSize, int targetSize, double start, double length) {
        int[] entries = new int[targetSize];
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
        return entries;
    }
}
