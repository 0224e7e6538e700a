package io.reelflow.operators.quality;

import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one scene lies in a rendered video, and what it was made of: the unit every analyzer judges
 * and a repair replaces.
 *
 * @param index the scene's index in the plan
 * @param startSeconds where the scene starts in the video
 * @param endSeconds where it ends (the next scene's start)
 * @param clip what the scene was rendered from; {@code null} for a video without its job
 */
public record SceneWindow(int index, double startSeconds, double endSeconds, SceneClip clip) {

    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    /** Whether the scene was meant to move (a stock or generated clip, not a photo or card). */
    public boolean expectsMotion() {
        return clip != null
                && (clip.getSource() == ClipSource.STOCK_CLIP
                        || clip.getSource() == ClipSource.GENERATED);
    }

    /**
     * The scenes of {@code video} in playing order; a video without its job (older records) is one
     * window over its whole duration.
     */
    public static List<SceneWindow> of(RenderedVideo video) {
        if (video.getJob() == null || video.getJob().getClips().isEmpty()) {
            return List.of(new SceneWindow(0, 0, video.getDurationSeconds(), null));
        }
        List<SceneWindow> windows = new ArrayList<>();
        for (SceneClip clip : video.getJob().getClips()) {
            windows.add(
                    new SceneWindow(
                            clip.getScene().getIndex(),
                            clip.getScene().getStartSeconds(),
                            clip.getScene().getEndSeconds(),
                            clip));
        }
        windows.sort(Comparator.comparingDouble(SceneWindow::startSeconds));
        return List.copyOf(windows);
    }
}
