package io.reelflow.operators.render.audio;

/**
 * The true peak of a sound per ITU-R BS.1770-4, Annex 2: every channel oversampled four times by
 * the Annex's 48-tap interpolating filter (4 phases of 12 taps; 48 kHz becomes 192 kHz), the
 * largest absolute value over all channels.
 *
 * <p>Exact, but cheaper than interpolating everything: an interpolated value is a weighted sum of
 * 12 samples, so it is at most {@link #GAIN_BOUND} (the largest sum of absolute taps of a phase,
 * 2.02, +6.1 dB) times the largest of them. A stretch of samples whose loudest is below the peak
 * found so far divided by that bound cannot raise it and is not interpolated; the loudest sample of
 * every push is interpolated first, so the peak found so far is high early. On a mixed track (music
 * and speech limited to -1.5 dBTP) about 3 % of the values are interpolated. {@link
 * #exhaustive(int)} interpolates every value; tests hold both equal. The mixer meters its output
 * with it and quality scoring a finished video's sound, instead of {@code ebur128=peak=true}.
 */
public final class TruePeak {

    /** The interpolator of BS.1770-4 Annex 2, phase by phase, newest sample first. */
    private static final double[][] PHASES = {
        {
            0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000,
            -0.0594482421875, 0.1373291015625, 0.9721679687500, -0.1022949218750,
            0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500
        },
        {
            -0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250,
            -0.1665039062500, 0.4650878906250, 0.7797851562500, -0.2003173828125,
            0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375
        },
        {
            -0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000,
            -0.2003173828125, 0.7797851562500, 0.4650878906250, -0.1665039062500,
            0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875
        },
        {
            -0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750,
            -0.1022949218750, 0.9721679687500, 0.1373291015625, -0.0594482421875,
            0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750
        }
    };

    private static final int TAPS = 12;

    /** Samples before the first one a push brings that its interpolated values need. */
    private static final int HISTORY = TAPS - 1;

    /** The most an interpolated value can exceed the largest sample it is made of (a factor). */
    static final double GAIN_BOUND = gainBound();

    /**
     * Interpolated values judged together by their loudest sample: short enough that quiet
     * stretches between loud ones are skipped, long enough that judging costs little.
     */
    private static final int STRETCH = 16;

    /**
     * Headroom for rounding in the skip test, far below any difference that matters, so skipping
     * never drops a value that would have raised the peak.
     */
    private static final double ROUNDING = 1e-9;

    private final int channels;
    private final boolean skipQuiet;
    private final float[][] lines;
    private double peak;

    private TruePeak(int channels, boolean skipQuiet) {
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive, was " + channels);
        }
        this.channels = channels;
        this.skipQuiet = skipQuiet;
        this.lines = new float[channels][HISTORY];
    }

    /** A meter for {@code channels} interleaved channels. */
    public TruePeak(int channels) {
        this(channels, true);
    }

    /** A meter that interpolates every value: the reference the skipping one is tested against. */
    static TruePeak exhaustive(int channels) {
        return new TruePeak(channels, false);
    }

    /**
     * Measures the next {@code frames} sample frames of {@code interleaved} (channel after channel
     * within a frame), following the ones pushed before.
     */
    public void accept(float[] interleaved, int frames) {
        for (int c = 0; c < channels; c++) {
            float[] line = lines[c];
            if (line.length < HISTORY + frames) {
                line = java.util.Arrays.copyOf(line, HISTORY + frames);
                lines[c] = line;
            }
            for (int i = 0; i < frames; i++) {
                line[HISTORY + i] = interleaved[i * channels + c];
            }
            measure(line, HISTORY + frames);
            System.arraycopy(line, frames, line, 0, HISTORY);
        }
    }

    /** The true peak so far as a linear amplitude (1 is full scale); 0 for silence. */
    public double linear() {
        return peak;
    }

    /** The true peak so far in dBTP; negative infinity for silence. */
    public double dbtp() {
        return peak > 0 ? 20 * Math.log10(peak) : Double.NEGATIVE_INFINITY;
    }

    /** Interpolates the values between {@code line[HISTORY]} and {@code line[end - 1]}. */
    private void measure(float[] line, int end) {
        if (!skipQuiet) {
            interpolate(line, HISTORY, end);
            return;
        }
        int loudest = HISTORY;
        for (int n = HISTORY + 1; n < end; n++) {
            if (Math.abs(line[n]) > Math.abs(line[loudest])) {
                loudest = n;
            }
        }
        // Every value made of the loudest sample: the likeliest place of this push's peak.
        interpolate(line, loudest, Math.min(end, loudest + TAPS));
        for (int from = HISTORY; from < end; from += STRETCH) {
            int to = Math.min(end, from + STRETCH);
            float largest = 0;
            for (int n = from - HISTORY; n < to; n++) {
                largest = Math.max(largest, Math.abs(line[n]));
            }
            if (largest * GAIN_BOUND * (1 + ROUNDING) > peak) {
                interpolate(line, from, to);
            }
        }
    }

    /** The four interpolated values of every sample position in {@code [from, to)}. */
    private void interpolate(float[] line, int from, int to) {
        double found = peak;
        for (int n = from; n < to; n++) {
            for (double[] phase : PHASES) {
                double value = 0;
                for (int k = 0; k < TAPS; k++) {
                    value += phase[k] * line[n - k];
                }
                found = Math.max(found, Math.abs(value));
            }
        }
        peak = found;
    }

    private static double gainBound() {
        double bound = 0;
        for (double[] phase : PHASES) {
            double sum = 0;
            for (double tap : phase) {
                sum += Math.abs(tap);
            }
            bound = Math.max(bound, sum);
        }
        return bound;
    }
}
