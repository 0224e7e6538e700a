package io.reelflow.operators.render.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pixel loops with the JDK's Vector API: {@link Planes#mix}, the subtitle blend of {@link Sprite}
 * and the horizontal pass of {@link Resampler}, eight output pixels at a time with the JDK's Vector
 * API (128-bit lanes, SSE/NEON): one 16-byte load of the blended row, one byte shuffle that gathers
 * the eight left and eight right neighbours, and the same integer interpolation as the scalar loop,
 * so the output is identical. The shuffles and weights are worked out once per {@link
 * Resampler.Grid} (once per frame). Only loaded when the {@code jdk.incubator.vector} module is
 * present ({@link Resampler#VECTOR}); without it the scalar loop runs.
 */
final class VectorRows {

    static final int PIXELS = 8;

    /** Bytes one load reads: the neighbours of a group must lie within them. */
    static final int LOAD = Resampler.VECTOR_LOAD;

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;

    /**
     * The one 16-bit shape of both loops. A second shape (the blends once ran in 256-bit lanes on
     * AVX2) gives the JDK's shared {@code ShortVector} methods two receiver types; C2 then boxes
     * the vectors passed through them, an allocation per step: 1.8 GB in a 60 s 720p render, and a
     * heap grown to match.
     */
    private static final VectorSpecies<Short> SHORTS = ShortVector.SPECIES_128;

    private static final VectorSpecies<Byte> HALF_BYTES = ByteVector.SPECIES_64;

    /**
     * Calls on tiny rows before the first frame. Until C2 has compiled these loops the Vector API
     * runs a Java fallback that allocates an array per lane operation: on whole rows that was
     * gigabytes in the first seconds of a render, and G1 grew (and kept) a large heap for it. The
     * warm-up goes on in batches until one allocates nothing (the compiled loops are in use), which
     * takes longer on a busy machine, whose compiler threads are slower; a fixed count either
     * stopped too early there or wasted time on an idle one.
     */
    private static final int WARM_UP_BATCH = 1_000;

    /** Enough for C2 on an idle machine; a JVM that cannot count allocation stops here. */
    private static final int WARM_UP_MIN_BATCHES = 12;

    private static final long WARM_UP_LIMIT_NANOS = 5_000_000_000L;

    /**
     * Bits of one neighbour's offset from its group's load start (offsets are below {@link #LOAD}).
     */
    private static final int OFFSET_BITS = 4;

    /** Bounds the shuffle cache: patterns beyond it are built per frame, as before the cache. */
    private static final int MAX_SHUFFLES = 4096;

    private static final Map<Integer, VectorShuffle<Byte>> SHUFFLES = new ConcurrentHashMap<>();

    private VectorRows() {}

    /** Runs the loops on tiny rows until the JIT has compiled them; once per JVM. */
    static void warmUp() {
        int[] columns = new int[2 * PIXELS];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = (i * 3 / 2) << 8 | 128;
        }
        Table table = table(columns, 8);
        byte[] line = new byte[4 * LOAD];
        byte[] out = new byte[2 * LOAD];
        ThreadAllocation allocation = ThreadAllocation.ofCurrentThread();
        long deadline = System.nanoTime() + WARM_UP_LIMIT_NANOS;
        for (int batch = 1; ; batch++) {
            long before = allocation.bytes();
            for (int i = 0; i < WARM_UP_BATCH; i++) {
                interpolate(table, line, out, 0);
                mix(line, 0, line, 1, out, 0, out.length, i & 0xff);
                overlay(line, 0, line, 1, out, 0, out.length);
            }
            boolean compiled = allocation.counted() && allocation.bytes() == before;
            boolean enough = batch >= WARM_UP_MIN_BATCHES && !allocation.counted();
            if (compiled || enough || System.nanoTime() > deadline) {
                return;
            }
        }
    }

    /**
     * Per group of eight output pixels of an axis: where its load starts, the shuffle gathering its
     * neighbours, and the weights; {@code groups} is how many groups the vector loop does (the rest
     * of the row is left to the scalar loop, e.g. when a downscale spreads eight pixels over more
     * than one load).
     */
    record Table(int groups, int[] starts, VectorShuffle<Byte>[] shuffles, short[] weights) {}

    @SuppressWarnings("unchecked")
    static Table table(int[] columns, int weightBits) {
        int possible = columns.length / PIXELS;
        int[] starts = new int[possible];
        VectorShuffle<Byte>[] shuffles = new VectorShuffle[possible];
        short[] weights = new short[possible * PIXELS];
        int groups = 0;
        for (; groups < possible; groups++) {
            int first = groups * PIXELS;
            int start = columns[first] >>> weightBits;
            int last = columns[first + PIXELS - 1] >>> weightBits;
            if (last + 1 - start >= LOAD || last < start) {
                break;
            }
            int offsets = 0;
            for (int j = 0; j < PIXELS; j++) {
                int column = columns[first + j];
                offsets |= ((column >>> weightBits) - start) << (OFFSET_BITS * j);
                weights[first + j] = (short) (column & ((1 << weightBits) - 1));
            }
            starts[groups] = start;
            shuffles[groups] = shuffle(offsets);
        }
        return new Table(groups, starts, shuffles, weights);
    }

    /**
     * The shuffle gathering the neighbours at eight packed offsets. A frame needs hundreds of them
     * but a zoom only a few dozen distinct ones (24 in the benchmark's slideshow), so they are
     * kept: building each anew was ≈ 125 kB of garbage per 720p frame.
     */
    private static VectorShuffle<Byte> shuffle(int offsets) {
        VectorShuffle<Byte> known = SHUFFLES.get(offsets);
        if (known != null) {
            return known;
        }
        int[] lanes = new int[LOAD];
        for (int j = 0; j < PIXELS; j++) {
            int at = offsets >>> (OFFSET_BITS * j) & (1 << OFFSET_BITS) - 1;
            lanes[j] = at;
            lanes[PIXELS + j] = at + 1;
        }
        VectorShuffle<Byte> made = VectorShuffle.fromArray(BYTES, lanes, 0);
        if (SHUFFLES.size() < MAX_SHUFFLES) {
            SHUFFLES.putIfAbsent(offsets, made);
        }
        return made;
    }

    /**
     * Interpolates the first {@code table.groups() * 8} pixels of a row from {@code line} (which
     * must have {@link #LOAD} readable bytes from every group's start) into {@code target} at
     * {@code out}; returns how many it did.
     */
    static int interpolate(Table table, byte[] line, byte[] target, int out) {
        int groups = table.groups();
        int[] starts = table.starts();
        VectorShuffle<Byte>[] shuffles = table.shuffles();
        short[] weights = table.weights();
        for (int g = 0; g < groups; g++) {
            ByteVector neighbours =
                    ByteVector.fromArray(BYTES, line, starts[g]).rearrange(shuffles[g]);
            ShortVector low = widen(neighbours, 0);
            ShortVector high = widen(neighbours, 1);
            ShortVector weight = ShortVector.fromArray(SHORTS, weights, g * PIXELS);
            // low + ((high - low) * weight + 128 >> 8), the scalar rounding. The product can
            // leave 16 bits, but only the low byte of the sum is kept: modulo 256 it is exact.
            ShortVector result =
                    low.add(
                            high.sub(low)
                                    .mul(weight)
                                    .add((short) 128)
                                    .lanewise(VectorOperators.ASHR, 8));
            result.convertShape(VectorOperators.S2B, HALF_BYTES, 0)
                    .reinterpretAsBytes()
                    .intoArray(target, out + g * PIXELS);
        }
        return groups * PIXELS;
    }

    /**
     * {@link Planes#mix} over whole vectors, the same rounding; returns how many bytes it did.
     * {@code (a * (256 - w) + b * w + 128) >> 8} equals {@code a + ((b - a) * w + 128 >> 8)}, one
     * multiplication fewer; as in {@link #interpolate} only the low byte is kept, which 16-bit
     * lanes hold exactly.
     */
    static int mix(
            byte[] first,
            int firstFrom,
            byte[] second,
            int secondFrom,
            byte[] into,
            int intoFrom,
            int length,
            int weight) {
        short other = (short) weight;
        int i = 0;
        for (; i + LOAD <= length; i += LOAD) {
            ByteVector a = ByteVector.fromArray(BYTES, first, firstFrom + i);
            ByteVector b = ByteVector.fromArray(BYTES, second, secondFrom + i);
            blend(widen(a, 0), widen(b, 0), other).intoArray(into, intoFrom + i);
            blend(widen(a, 1), widen(b, 1), other).intoArray(into, intoFrom + i + PIXELS);
        }
        return i;
    }

    /**
     * Blends {@code plane} onto {@code target} by the per-byte {@code alpha} (0..255, 255 opaque)
     * as {@link Sprite}'s scalar loop does: weight {@code a + a / 128} in 256ths, {@code target +
     * ((plane - target) * weight + 128) >> 8}, which leaves a byte of alpha 0 alone. Returns how
     * many of the {@code length} bytes it blended; the caller does the rest. The 16-bit lanes may
     * wrap, but only the low byte is kept, and it is exact.
     */
    static int overlay(
            byte[] plane,
            int planeFrom,
            byte[] alpha,
            int alphaFrom,
            byte[] target,
            int targetFrom,
            int length) {
        int i = 0;
        // Eight bytes a step, all in this one method: sixteen a step in two halves, or helper
        // methods, made C2 stop inlining (its node limit) and box vectors, an allocation per step.
        for (; i + PIXELS <= length; i += PIXELS) {
            ShortVector t =
                    ((ShortVector)
                                    ByteVector.fromArray(HALF_BYTES, target, targetFrom + i)
                                            .convertShape(VectorOperators.B2S, SHORTS, 0))
                            .and((short) 0xff);
            ShortVector p =
                    ((ShortVector)
                                    ByteVector.fromArray(HALF_BYTES, plane, planeFrom + i)
                                            .convertShape(VectorOperators.B2S, SHORTS, 0))
                            .and((short) 0xff);
            ShortVector a =
                    ((ShortVector)
                                    ByteVector.fromArray(HALF_BYTES, alpha, alphaFrom + i)
                                            .convertShape(VectorOperators.B2S, SHORTS, 0))
                            .and((short) 0xff);
            t.add(
                            p.sub(t)
                                    .mul(a.add(a.lanewise(VectorOperators.ASHR, 7)))
                                    .add((short) 128)
                                    .lanewise(VectorOperators.ASHR, 8))
                    .convertShape(VectorOperators.S2B, HALF_BYTES, 0)
                    .reinterpretAsBytes()
                    .intoArray(target, targetFrom + i);
        }
        return i;
    }

    private static ShortVector widen(ByteVector bytes, int part) {
        return ((ShortVector) bytes.convertShape(VectorOperators.B2S, SHORTS, part))
                .and((short) 0xff);
    }

    private static ByteVector blend(ShortVector a, ShortVector b, short weight) {
        return a.add(b.sub(a).mul(weight).add((short) 128).lanewise(VectorOperators.ASHR, 8))
                .convertShape(VectorOperators.S2B, HALF_BYTES, 0)
                .reinterpretAsBytes();
    }
}
