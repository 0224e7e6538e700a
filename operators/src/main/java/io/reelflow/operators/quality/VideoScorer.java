package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
            long start = System.nanoTime();
            store.get(video.getVideoUri(), file);
            long downloaded = System.nanoTime();
            cancellation.throwIfCancelled();
            QualityReport report = score(file, video, cancellation);
            // Where the scoring phase's time goes: fetching the stored video, or decoding it.
            ScoringTimes.LOG.debug(
                    "Scored {}: download of {} bytes {} ms, scoring {} ms",
                    video.getRequestId(),
                    Files.size(file),
                    (downloaded - start) / 1_000_000,
                    (System.nanoTime() - downloaded) / 1_000_000);
            return report;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The logger of {@link #scoreStored}'s timings. */
    final class ScoringTimes {
        static final Logger LOG = LoggerFactory.getLogger(VideoScorer.class);

        private ScoringTimes() {}
    }
}
