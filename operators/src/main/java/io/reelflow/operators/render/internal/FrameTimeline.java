package io.reelflow.operators.render.internal;

import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places scenes and transitions on the output frame grid. Scene boundaries are rounded to whole
 * frames once, so scene i gets {@code round(end*fps) - round(start*fps)} frames and the video has
 * exactly {@code round(target*fps)} frames, with no drift from summing rounded durations.
 * Transitions are centred on the boundaries and overlap the scenes instead of adding time: a
 * crossfade shows the outgoing scene a little longer and the incoming one a little earlier.
 */
public final class FrameTimeline {

    /** At most this share of the shorter neighbour is spent in a transition. */
    public static final double MAX_TRANSITION_SHARE = 0.5;

    /**
     * One scene's frames {@code [firstFrame, endFrame())}; its picture is needed from {@code
     * shownFrom()} to {@code shownUntil()} when crossfades reach into its neighbours.
     */
    public record SceneSpan(
            SceneClip clip, int firstFrame, int frameCount, int leadIn, int leadOut) {
        public int endFrame() {
            return firstFrame + frameCount;
        }

        public int shownFrom() {
            return firstFrame - leadIn;
        }

        public int shownUntil() {
            return endFrame() + leadOut;
        }

        /** Frames the scene's source paints, transitions included. */
        public int shownCount() {
            return frameCount + leadIn + leadOut;
        }
    }

    /**
     * A transition over frames {@code [start(), end())} around the first frame of the incoming
     * scene; {@code outgoing} and {@code incoming} index {@link #spans()}. Zero frames is a cut.
     */
    public record Boundary(int frame, Transition kind, int frames, int outgoing, int incoming) {
        public int start() {
            return frame - frames / 2;
        }

        public int end() {
            return start() + frames;
        }

        public boolean covers(int at) {
            return frames > 0 && at >= start() && at < end();
        }
    }

    private final int fps;
    private final int totalFrames;
    private final List<SceneSpan> spans;
    private final List<Boundary> boundaries;

    private FrameTimeline(
            int fps, int totalFrames, List<SceneSpan> spans, List<Boundary> boundaries) {
        this.fps = fps;
        this.totalFrames = totalFrames;
        this.spans = spans;
        this.boundaries = boundaries;
    }

    /** Scenes joined by cuts. */
    public static FrameTimeline of(List<SceneClip> clips, double targetSeconds, int fps) {
        return of(clips, targetSeconds, fps, Transition.CUT, 0);
    }

    /**
     * Lays out {@code clips} (ordered by scene index) over {@code targetSeconds}. The first scene
     * starts at frame 0 and the last one ends at the last frame; a gap between scenes extends the
     * earlier scene, so the picture never has holes. Every boundary between shown scenes gets a
     * {@code transition} of {@code transitionSeconds}, clamped to {@link #MAX_TRANSITION_SHARE} of
     * the shorter neighbour.
     */
    public static FrameTimeline of(
            List<SceneClip> clips,
            double targetSeconds,
            int fps,
            Transition transition,
            double transitionSeconds) {
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive, was " + fps);
        }
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("a render job needs at least one scene");
        }
        if (!(transitionSeconds >= 0)) {
            throw new IllegalArgumentException(
                    "transitionSeconds must not be negative, was " + transitionSeconds);
        }
        List<SceneClip> ordered = new ArrayList<>(clips);
        ordered.sort(Comparator.comparingInt(c -> c.getScene().getIndex()));
        int total = frameAt(targetSeconds, fps);
        if (total <= 0) {
            throw new IllegalArgumentException(
                    "target duration " + targetSeconds + " s is shorter than one frame");
        }
        int[] first = new int[ordered.size()];
        int[] count = new int[ordered.size()];
        int start = 0;
        for (int i = 0; i < ordered.size(); i++) {
            int end =
                    i + 1 < ordered.size()
                            ? frameAt(ordered.get(i + 1).getScene().getStartSeconds(), fps)
                            : total;
            end = Math.max(start, Math.min(end, total));
            first[i] = start;
            count[i] = end - start;
            start = end;
        }

        int[] leadIn = new int[ordered.size()];
        int[] leadOut = new int[ordered.size()];
        List<Boundary> boundaries = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (count[i] == 0) {
                continue;
            }
            if (previous >= 0) {
                int frames = 0;
                if (transition != Transition.CUT) {
                    int shorter = Math.min(count[previous], count[i]);
                    frames =
                            Math.min(
                                    (int) Math.round(transitionSeconds * fps),
                                    (int) (shorter * MAX_TRANSITION_SHARE));
                }
                Boundary boundary = new Boundary(first[i], transition, frames, previous, i);
                if (transition == Transition.CROSSFADE) {
                    leadOut[previous] = boundary.end() - boundary.frame();
                    leadIn[i] = boundary.frame() - boundary.start();
                }
                boundaries.add(boundary);
            }
            previous = i;
        }
        List<SceneSpan> spans = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            spans.add(new SceneSpan(ordered.get(i), first[i], count[i], leadIn[i], leadOut[i]));
        }
        return new FrameTimeline(fps, total, List.copyOf(spans), List.copyOf(boundaries));
    }

    /** The frame a time falls on: {@code round(seconds * fps)}. */
    public static int frameAt(double seconds, int fps) {
        return (int) Math.round(seconds * fps);
    }

    public int fps() {
        return fps;
    }

    public int totalFrames() {
        return totalFrames;
    }

    /** Scenes in index order; a scene shorter than half a frame has a frame count of 0. */
    public List<SceneSpan> spans() {
        return spans;
    }

    /** The transitions between consecutive shown scenes, in order. */
    public List<Boundary> boundaries() {
        return boundaries;
    }

    /** Seconds at the start of {@code frame}. */
    public double secondsAt(int frame) {
        return (double) frame / fps;
    }

    /**
     * How much of the incoming scene frame {@code at} of a crossfade shows, in 256ths: just above 0
     * at its first frame, about half at the boundary, just below 256 at its last.
     */
    public static int crossfadeWeight(Boundary boundary, int at) {
        return (int) Math.round(256.0 * (at - boundary.start() + 1) / (boundary.frames() + 1));
    }

    /**
     * The brightness of frame {@code at} of a fade through black, in 256ths: the outgoing scene
     * dims towards the boundary, the incoming one brightens from it, darkest at the boundary.
     */
    public static int fadeLevel(Boundary boundary, int at) {
        if (at < boundary.frame()) {
            int half = boundary.frame() - boundary.start();
            return (int) Math.round(256.0 * (boundary.frame() - at) / (half + 1));
        }
        int half = boundary.end() - boundary.frame();
        return (int) Math.round(256.0 * (at - boundary.frame() + 1) / (half + 1));
    }
}
