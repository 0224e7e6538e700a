package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.schemas.RenderedVideo;
import java.nio.file.Path;
import java.util.List;

/**
 * One family of checks on a finished video (picture, sound, subtitles, relevance). Each analyzer
 * reads what it needs from the local file and from the job the video was rendered from, and judges
 * every scene of {@link SceneWindow#of(RenderedVideo)} and the whole video against its own
 * thresholds. Implementations are thread-safe, blocking and never throw for bad media: a file they
 * cannot read yields a failed finding with the reason.
 */
public interface QualityAnalyzer {

    /**
     * Measures {@code videoFile}, the stored copy of {@code video}.
     *
     * @throws CancelledException when {@code cancellation} was cancelled between measurements
     */
    List<Finding> analyze(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException;

    /**
     * This analyzer's share of the scorer's single decode of {@code video}, or {@code null} when it
     * reads the file on its own ({@link #analyze}). The scorer then judges with the listener's
     * findings; {@link #analyze} must give the same findings for the same file.
     */
    default MediaListener listen(RenderedVideo video) {
        return null;
    }
}
