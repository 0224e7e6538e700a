package io.reelflow.operators.quality.internal;

import java.util.List;

/** Where decoding can start: the keyframe times of a video, ascending seconds. */
public final class Keyframes {

    private Keyframes() {}

    /** The last of {@code keyframes} at or before {@code seconds}; minus infinity when none is. */
    public static double atOrBefore(List<Double> keyframes, double seconds) {
        double found = Double.NEGATIVE_INFINITY;
        for (double keyframe : keyframes) {
            if (keyframe > seconds + 1e-3) {
                break;
            }
            found = keyframe;
        }
        return found;
    }
}
