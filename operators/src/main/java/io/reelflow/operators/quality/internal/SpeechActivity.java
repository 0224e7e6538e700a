package io.reelflow.operators.quality.internal;

/**
 * How much a stretch of sound moves at the rate of syllables, the cue that tells speech from a
 * steady music bed (the "4 Hz modulation energy" of Scheirer and Slaney, "Construction and
 * evaluation of a robust multifeature speech/music discriminator", ICASSP 1997). The speech band's
 * envelope (100 values a second) is band-passed to about 2-10 Hz as the difference of a 50 ms and a
 * 310 ms moving average; the modulation is that signal's RMS over the envelope's mean. Speech, with
 * its syllables and pauses, reaches 0.3 and more; a sustained bed stays near 0.05; silence is 0.
 */
public final class SpeechActivity {

    /** 50 ms: keeps syllables (up to about 10 Hz). */
    private static final int FAST = 5;

    /** 310 ms: what changes slower than about 2 Hz (phrases, fades) is taken away. */
    private static final int SLOW = 31;

    /** Below this mean (about −90 dBFS) the stretch is silence and has no modulation. */
    private static final double SILENT_MEAN = 3e-5;

    private SpeechActivity() {}

    /** The syllabic modulation of {@code envelope}; 0 when it is silent or shorter than 0.3 s. */
    public static double modulation(float[] envelope) {
        int n = envelope.length;
        if (n < SLOW) {
            return 0;
        }
        double mean = 0;
        for (float value : envelope) {
            mean += value;
        }
        mean /= n;
        if (mean < SILENT_MEAN) {
            return 0;
        }
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + envelope[i];
        }
        double sum = 0;
        int count = 0;
        for (int i = SLOW / 2; i < n - SLOW / 2; i++) {
            double fast = average(prefix, i - FAST / 2, i + FAST / 2 + 1);
            double slow = average(prefix, i - SLOW / 2, i + SLOW / 2 + 1);
            double band = fast - slow;
            sum += band * band;
            count++;
        }
        return Math.sqrt(sum / count) / mean;
    }

    private static double average(double[] prefix, int from, int to) {
        return (prefix[to] - prefix[from]) / (to - from);
    }
}
