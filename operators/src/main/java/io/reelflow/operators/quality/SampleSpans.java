package io.reelflow.operators.quality;

import io.reelflow.operators.quality.internal.Keyframes;
import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of a video the picture checks decode: in every scene, away from its transitions,
 * one stretch of {@code sampleSeconds} per started {@link #SECONDS_PER_SPAN} of the scene (at most
 * {@link #MAX_SPANS_PER_SCENE}), spread over the scene. Decoding costs nearly all of the scoring
 * time, and a scene's picture does not need all its frames to be judged: each stretch still gives
 * successive frames for the frozen and flicker checks.
 *
 * <p>Decoding has to start at a keyframe, so a stretch that starts between two costs the frames
 * from the keyframe before it as well (up to a GOP, 2 s with our renderer, for a 1 s stretch). When
 * the video's keyframes are known and that lead-in would be longer than {@link #JOIN_SECONDS}, a
 * stretch therefore starts at the keyframe inside the scene's measured part nearest to where it
 * would otherwise start; where none fits, or the lead-in is short, it stays put. The video's first
 * keyframe is never taken: an encoder's first frames still settle (x264 refines a still picture
 * over its first quarter second by more than the frozen check's 0.25 levels), which would look like
 * motion.
 */
final class SampleSpans {

    static final double SECONDS_PER_SPAN = 4.0;
    static final int MAX_SPANS_PER_SCENE = 3;

    /** Stretches closer than this are decoded through rather than seeked between. */
    static final double JOIN_SECONDS = 0.5;

    private SampleSpans() {}

    /** {@code [start, end)} pairs in playing order, overlapping ones merged; keyframes unknown. */
    static List<double[]> of(List<SceneWindow> windows, double margin, double sampleSeconds) {
        return of(windows, margin, sampleSeconds, List.of());
    }

    /**
     * {@code [start, end)} pairs in playing order, overlapping ones merged.
     *
     * @param keyframes where decoding can start (ascending seconds); empty when unknown
     */
    static List<double[]> of(
            List<SceneWindow> windows,
            double margin,
            double sampleSeconds,
            List<Double> keyframes) {
        List<Double> settled =
                keyframes.isEmpty() ? keyframes : keyframes.subList(1, keyframes.size());
        List<double[]> spans = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            SceneWindow window = windows.get(i);
            double from = i == 0 ? window.startSeconds() : window.startSeconds() + margin;
            double to =
                    i == windows.size() - 1 ? window.endSeconds() : window.endSeconds() - margin;
            if (to - from < sampleSeconds) {
                from = window.startSeconds();
                to = window.endSeconds();
            }
            double length = Math.max(0, to - from);
            int count =
                    (int)
                            Math.max(
                                    1,
                                    Math.min(
                                            MAX_SPANS_PER_SCENE,
                                            Math.floor(length / SECONDS_PER_SPAN)));
            double span = Math.min(sampleSeconds, length);
            double step = count == 1 ? 0 : (length - span) / (count - 1);
            // A single stretch sits in the middle of the scene, clear of both transitions.
            double first = count == 1 ? from + (length - span) / 2 : from;
            double taken = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < count; k++) {
                double start = first + k * step;
                double keyframe =
                        start - Keyframes.atOrBefore(keyframes, start) > JOIN_SECONDS
                                ? nearestKeyframe(settled, start, from, to - span, taken)
                                : Double.NaN;
                if (!Double.isNaN(keyframe)) {
                    start = keyframe;
                    taken = keyframe;
                }
                spans.add(new double[] {start, start + span});
            }
        }
        spans.sort((a, b) -> Double.compare(a[0], b[0]));
        return merged(spans);
    }

    /**
     * The keyframe in {@code [earliest, latest]} after {@code taken} nearest to {@code ideal} (the
     * earlier of two as near), or NaN when there is none.
     */
    private static double nearestKeyframe(
            List<Double> keyframes, double ideal, double earliest, double latest, double taken) {
        double best = Double.NaN;
        for (double keyframe : keyframes) {
            if (keyframe < earliest || keyframe <= taken) {
                continue;
            }
            if (keyframe > latest) {
                break;
            }
            if (Double.isNaN(best) || Math.abs(keyframe - ideal) < Math.abs(best - ideal)) {
                best = keyframe;
            }
        }
        return best;
    }

    private static List<double[]> merged(List<double[]> sorted) {
        List<double[]> spans = new ArrayList<>();
        for (double[] next : sorted) {
            if (!spans.isEmpty()) {
                double[] last = spans.get(spans.size() - 1);
                if (next[0] <= last[1] + JOIN_SECONDS) {
                    last[1] = Math.max(last[1], next[1]);
                    continue;
                }
            }
            spans.add(next);
        }
        return spans;
    }
}
