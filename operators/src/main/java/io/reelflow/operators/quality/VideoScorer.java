package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Judges a rendered video: the port that scoring and repair share, so the repair can be tested with
 * a scripted verdict. {@link QualityScorer} is the implementation the job uses. Implementations
 * must be thread-safe, never throw for bad media, and stop once {@code cancellation} is cancelled.
 */
@FunctionalInterface
public interface VideoScorer extends AutoCloseable {

    /** Scores the decoded {@code file}, which is {@code video} as stored. */
    QualityReport score(Path file, RenderedVideo video, Cancellation cancellation)
            throws CancelledException;

    /** Releases what the scorer holds (a shared model); idempotent. */
    @Override
    default void close() {}

    /**
     * Downloads {@code video} from {@code store} (what users will get, not the renderer's temp
     * file) into a temporary file, scores it and deletes the file.
     */
    default QualityReport scoreStored(
            ObjectStore store, RenderedVideo video, Cancellation cancellation)
            throws IOException, CancelledException {
        Path file = Files.createTempFile("reelflow-quality-", ".mp4");
        try {
            store.get(video.getVideoUri(), file);
            cancellation.throwIfCancelled();
            return score(file, video, cancellation);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
