package io.reelflow.operators.render.audio;

/**
 * Loudness of a track as FFmpeg's {@code ebur128} filter measured it, with its true peak.
 *
 * @param integratedLufs gated integrated loudness; negative infinity when nothing was measured
 * @param truePeakDbtp highest true peak over all channels (ITU-R BS.1770, {@link TruePeak});
 *     negative infinity for silence
 * @param rangeLu loudness range (LRA)
 */
public record Loudness(double integratedLufs, double truePeakDbtp, double rangeLu) {

    /** EBU R128's absolute gate: blocks quieter than this do not count, so it means silence. */
    public static final double SILENCE_LUFS = -70.0;

    public static final Loudness SILENT =
            new Loudness(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0);

    /** This loudness with the true peak measured elsewhere ({@link TruePeak}). */
    public Loudness withTruePeak(double dbtp) {
        return new Loudness(integratedLufs, dbtp, rangeLu);
    }

    /** True when the measurement found nothing above the absolute gate. */
    public boolean silent() {
        return !(integratedLufs > SILENCE_LUFS + 0.05);
    }
}
