package io.reelflow.operators.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of a video the picture checks decode: in every scene, away from its transitions,
 * one stretch of {@code sampleSeconds} per started {@link #SECONDS_PER_SPAN} of the scene (at most
 * {@link #MAX_SPANS_PER_SCENE}), spread over the scene. Decoding costs nearly all of the scoring
 * time, and a scene's picture does not need all its frames to be judged: each stretch still gives
 * successive frames for the frozen and flicker checks.
 */
final class SampleSpans {

    static final double SECONDS_PER_SPAN = 4.0;
    static final int MAX_SPANS_PER_SCENE = 3;

    /** Stretches closer than this are decoded through rather than seeked between. */
    static final double JOIN_SECONDS = 0.5;

    private SampleSpans() {}

    /** {@code [start, end)} pairs in playing order, overlapping ones merged. */
    static List<double[]> of(List<SceneWindow> windows, double margin, double sampleSeconds) {
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
            for (int k = 0; k < count; k++) {
                add(spans, first + k * step, first + k * step + span);
            }
        }
        return spans;
    }

    private static void add(List<double[]> spans, double start, double end) {
        if (!spans.isEmpty()) {
            double[] last = spans.get(spans.size() - 1);
            if (start <= last[1] + JOIN_SECONDS) {
                last[1] = Math.max(last[1], end);
                return;
            }
        }
        spans.add(new double[] {start, end});
    }
}
