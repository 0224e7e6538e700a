package io.reelflow.operators.render.internal;

import io.reelflow.schemas.SceneClip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places scenes on the output frame grid. Scene boundaries are rounded to whole frames once, so
 * scene i gets {@code round(end*fps) - round(start*fps)} frames and the video has exactly {@code
 * round(target*fps)} frames, with no drift from summing rounded durations.
 */
public final class FrameTimeline {

    /** One scene's frames: {@code [firstFrame, firstFrame + frameCount)}. */
    public record SceneSpan(SceneClip clip, int firstFrame, int frameCount) {
        public int endFrame() {
            return firstFrame + frameCount;
        }
    }

    private final int fps;
    private final int totalFrames;
    private final List<SceneSpan> spans;

    private FrameTimeline(int fps, int totalFrames, List<SceneSpan> spans) {
        this.fps = fps;
        this.totalFrames = totalFrames;
        this.spans = spans;
    }

    /**
     * Lays out {@code clips} (ordered by scene index) over {@code targetSeconds}. The first scene
     * starts at frame 0 and the last one ends at the last frame; a gap between scenes extends the
     * earlier scene, so the picture never has holes.
     */
    public static FrameTimeline of(List<SceneClip> clips, double targetSeconds, int fps) {
        if (fps <= 0) {
            throw new IllegalArgumentException("fps must be positive, was " + fps);
        }
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("a render job needs at least one scene");
        }
        List<SceneClip> ordered = new ArrayList<>(clips);
        ordered.sort(Comparator.comparingInt(c -> c.getScene().getIndex()));
        int total = frameAt(targetSeconds, fps);
        if (total <= 0) {
            throw new IllegalArgumentException(
                    "target duration " + targetSeconds + " s is shorter than one frame");
        }
        List<SceneSpan> spans = new ArrayList<>(ordered.size());
        int start = 0;
        for (int i = 0; i < ordered.size(); i++) {
            int end =
                    i + 1 < ordered.size()
                            ? frameAt(ordered.get(i + 1).getScene().getStartSeconds(), fps)
                            : total;
            end = Math.max(start, Math.min(end, total));
            spans.add(new SceneSpan(ordered.get(i), start, end - start));
            start = end;
        }
        return new FrameTimeline(fps, total, List.copyOf(spans));
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

    /** Seconds at the start of {@code frame}. */
    public double secondsAt(int frame) {
        return (double) frame / fps;
    }
}
