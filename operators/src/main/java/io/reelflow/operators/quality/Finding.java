package io.reelflow.operators.quality;

import java.util.Objects;

/**
 * One measured property of a video, or of one of its scenes, and its verdict against the preset's
 * threshold. Every analyzer (picture, sound, subtitles, relevance) speaks in findings, so the
 * scorer can weigh them together and users read one reason per failed check.
 *
 * @param signal the measurement's name, e.g. {@code sharpness}, {@code integratedLoudnessLufs}
 * @param sceneIndex the scene's index in the plan, or {@link #WHOLE_VIDEO}
 * @param value the measured value, in the unit the signal's name implies
 * @param failed whether the value is outside what the preset allows
 * @param defect the defect a failed check names (e.g. {@code BLACK}, {@code FROZEN}), which a
 *     repair acts on; {@code null} when the check passed
 * @param reason why it failed, in words users may read (no paths); {@code null} when it passed
 */
public record Finding(
        String signal, int sceneIndex, double value, boolean failed, String defect, String reason) {

    public static final int WHOLE_VIDEO = -1;

    public Finding {
        Objects.requireNonNull(signal, "signal");
        if (failed && (defect == null || reason == null)) {
            throw new IllegalArgumentException("a failed finding names its defect and reason");
        }
    }

    public static Finding passed(String signal, int sceneIndex, double value) {
        return new Finding(signal, sceneIndex, value, false, null, null);
    }

    public static Finding failed(
            String signal, int sceneIndex, double value, String defect, String reason) {
        return new Finding(signal, sceneIndex, value, true, defect, reason);
    }

    public boolean isWholeVideo() {
        return sceneIndex == WHOLE_VIDEO;
    }
}
