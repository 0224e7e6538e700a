package io.reelflow.operators.quality;

import io.reelflow.operators.render.audio.AudioPlan;
import java.io.Serializable;

/**
 * Thresholds of the {@link SoundAnalyzer}; presets compose them. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * SoundThresholds thresholds = SoundThresholds.defaults().withLoudness(-14, 1.5);
 * }</pre>
 *
 * @param targetLufs the integrated loudness (EBU R 128) the mixer normalises to ({@link
 *     AudioPlan#DEFAULT_TARGET_LUFS})
 * @param loudnessToleranceLu how far the measured integrated loudness may be from the target, in LU
 * @param maxTruePeakDbtp the highest true peak (ITU-R BS.1770 oversampled) a passing track may
 *     have; above the mixer's own limit ({@link AudioPlan#DEFAULT_TRUE_PEAK_DBTP}) by what AAC
 *     encoding adds
 * @param silenceThresholdDb a stretch whose samples all stay below this level (dBFS) is silence
 * @param minSilenceSeconds the shortest stretch counted as silence: pauses between words are not
 * @param maxSilenceShare the largest share of the whole video that may be silent when sound was
 *     asked for (a narration without music pauses between sentences and scenes)
 * @param maxSceneSilenceShare the largest share of one scene that may be silent when it should be
 *     heard (it has music under it, or narration to speak)
 * @param clippingLevelDbfs a sample at or above this level (dBFS) counts as clipped
 * @param maxClippedShare the largest share of samples that may be clipped
 * @param minSpeechModulation the syllabic modulation (2-10 Hz, of the 300-3400 Hz band's envelope,
 *     relative to its mean) a narrated span must reach to count as speech
 */
public record SoundThresholds(
        double targetLufs,
        double loudnessToleranceLu,
        double maxTruePeakDbtp,
        double silenceThresholdDb,
        double minSilenceSeconds,
        double maxSilenceShare,
        double maxSceneSilenceShare,
        double clippingLevelDbfs,
        double maxClippedShare,
        double minSpeechModulation)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SoundThresholds {
        requireWithin("targetLufs", targetLufs, -70, 0);
        requireWithin("loudnessToleranceLu", loudnessToleranceLu, 0, 70);
        requireWithin("maxTruePeakDbtp", maxTruePeakDbtp, -70, 6);
        requireWithin("silenceThresholdDb", silenceThresholdDb, -120, 0);
        requireWithin("minSilenceSeconds", minSilenceSeconds, 0.01, 60);
        requireWithin("maxSilenceShare", maxSilenceShare, 0, 1);
        requireWithin("maxSceneSilenceShare", maxSceneSilenceShare, 0, 1);
        requireWithin("clippingLevelDbfs", clippingLevelDbfs, -6, 0);
        requireWithin("maxClippedShare", maxClippedShare, 0, 1);
        requireWithin("minSpeechModulation", minSpeechModulation, 0, 10);
    }

    /**
     * The mixer's target −16 LUFS ± 2 LU; true peak at most −1 dBTP (EBU R 128's maximum; the mixer
     * limits to −1.5 and AAC adds a little); silence below −50 dBFS for 0.5 s or more, at most 75%
     * of the video and 90% of a scene that should be heard; clipped at −0.1 dBFS, at most 0.1% of
     * samples; speech at a syllabic modulation of 0.25 or more.
     */
    public static SoundThresholds defaults() {
        return new SoundThresholds(
                AudioPlan.DEFAULT_TARGET_LUFS, 2.0, -1.0, -50, 0.5, 0.75, 0.9, -0.1, 0.001, 0.25);
    }

    public SoundThresholds withLoudness(double lufs, double toleranceLu) {
        return new SoundThresholds(
                lufs,
                toleranceLu,
                maxTruePeakDbtp,
                silenceThresholdDb,
                minSilenceSeconds,
                maxSilenceShare,
                maxSceneSilenceShare,
                clippingLevelDbfs,
                maxClippedShare,
                minSpeechModulation);
    }

    public SoundThresholds withMaxTruePeakDbtp(double dbtp) {
        return new SoundThresholds(
                targetLufs,
                loudnessToleranceLu,
                dbtp,
                silenceThresholdDb,
                minSilenceSeconds,
                maxSilenceShare,
                maxSceneSilenceShare,
                clippingLevelDbfs,
                maxClippedShare,
                minSpeechModulation);
    }

    public SoundThresholds withSilence(
            double thresholdDb, double minSeconds, double maxShare, double maxSceneShare) {
        return new SoundThresholds(
                targetLufs,
                loudnessToleranceLu,
                maxTruePeakDbtp,
                thresholdDb,
                minSeconds,
                maxShare,
                maxSceneShare,
                clippingLevelDbfs,
                maxClippedShare,
                minSpeechModulation);
    }

    public SoundThresholds withClipping(double levelDbfs, double maxShare) {
        return new SoundThresholds(
                targetLufs,
                loudnessToleranceLu,
                maxTruePeakDbtp,
                silenceThresholdDb,
                minSilenceSeconds,
                maxSilenceShare,
                maxSceneSilenceShare,
                levelDbfs,
                maxShare,
                minSpeechModulation);
    }

    public SoundThresholds withMinSpeechModulation(double modulation) {
        return new SoundThresholds(
                targetLufs,
                loudnessToleranceLu,
                maxTruePeakDbtp,
                silenceThresholdDb,
                minSilenceSeconds,
                maxSilenceShare,
                maxSceneSilenceShare,
                clippingLevelDbfs,
                maxClippedShare,
                modulation);
    }

    private static void requireWithin(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be within [" + min + ", " + max + "], was " + value);
        }
    }
}
