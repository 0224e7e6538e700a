package io.reelflow.operators.render.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Integer pixel operations on 8-bit picture planes, the work done for every output frame: blending
 * two frames (crossfade) and dimming towards black (fade); resampling is {@link Resampler}'s. Plain
 * loops over byte arrays, several times faster than Java2D per frame; blends work on eight bytes at
 * a time, or on whole vectors with the Vector API when the JVM has it ({@link VectorRows}).
 */
public final class Planes {

    private static final int ONE = 256;

    /** Little-endian longs over byte arrays; plain loads and stores once compiled. */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The low byte of each 16-bit lane of a long. */
    private static final long LANES = 0x00FF00FF00FF00FFL;

    /** One in each 16-bit lane: multiplying a lane value by it repeats it in all four lanes. */
    private static final long LANE_ONES = 0x0001000100010001L;

    private static final long ROUNDING = LANE_ONES * 128;

    private Planes() {}

    /** {@code into = into * (1 - weight) + other * weight}, weight in 256ths, byte by byte. */
    public static void blend(byte[] into, byte[] other, int weight) {
        mix(into, 0, other, 0, into, 0, into.length, weight);
    }

    /** {@link #blend(byte[], byte[], int)} of bytes {@code [from, from + length)} only. */
    public static void blend(byte[] into, byte[] other, int weight, int from, int length) {
        mix(into, from, other, from, into, from, length, weight);
    }

    /** Dims a canvas towards black: {@code level} 256 keeps it, 0 makes it black. */
    public static void dim(Canvas canvas, int level) {
        byte[] data = canvas.data();
        int chroma = canvas.uOffset();
        towards(data, 0, chroma, Canvas.BLACK_Y, level);
        towards(data, chroma, data.length - chroma, Canvas.NEUTRAL_CHROMA, level);
    }

    /**
     * {@code into[intoFrom + i] = first[firstFrom + i] * (1 - weight) + second[secondFrom + i] *
     * weight} for {@code i < length}, weight in 256ths (0..256), rounded. Eight bytes per step: the
     * even and the odd bytes of a long each form four 16-bit lanes, wide enough for a weighted sum
     * of two bytes, so one multiplication weighs four pixels.
     */
    static void mix(
            byte[] first,
            int firstFrom,
            byte[] second,
            int secondFrom,
            byte[] into,
            int intoFrom,
            int length,
            int weight) {
        int keep = ONE - weight;
        int i =
                Resampler.VECTOR
                        ? VectorRows.mix(
                                first,
                                firstFrom,
                                second,
                                secondFrom,
                                into,
                                intoFrom,
                                length,
                                weight)
                        : 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long a = (long) LONGS.get(first, firstFrom + i);
            long b = (long) LONGS.get(second, secondFrom + i);
            long even = ((a & LANES) * keep + (b & LANES) * weight + ROUNDING) >>> 8 & LANES;
            long odd = ((a >>> 8 & LANES) * keep + (b >>> 8 & LANES) * weight + ROUNDING) & ~LANES;
            LONGS.set(into, intoFrom + i, even | odd);
        }
        for (; i < length; i++) {
            into[intoFrom + i] =
                    (byte)
                            (((first[firstFrom + i] & 0xff) * keep
                                            + (second[secondFrom + i] & 0xff) * weight
                                            + 128)
                                    >> 8);
        }
    }

    /**
     * Moves {@code length} bytes from {@code from} towards {@code value}: {@code level} 256 keeps
     * them, 0 sets them to {@code value}; a {@link #mix} with a constant, eight bytes per step.
     */
    private static void towards(byte[] data, int from, int length, int value, int level) {
        int pull = ONE - level;
        long constant = LANE_ONES * (value * pull + 128);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long a = (long) LONGS.get(data, from + i);
            long even = ((a & LANES) * level + constant) >>> 8 & LANES;
            long odd = ((a >>> 8 & LANES) * level + constant) & ~LANES;
            LONGS.set(data, from + i, even | odd);
        }
        for (; i < length; i++) {
            data[from + i] = (byte) (((data[from + i] & 0xff) * level + value * pull + 128) >> 8);
        }
    }
}
