package io.reelflow.operators.quality;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.status.VideoResults;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.VideoResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Async Flink shell around {@link QualityScorer}: downloads the stored video (what users will get,
 * not the renderer's temp file), decodes and scores it, and turns it into the final result.
 */
public class ScoreQualityFunction extends BlockingAsyncFunction<RenderedVideo, VideoResult> {
    private final ObjectStoreFactory storeFactory;
    private final QualityConfig config;
    private final Clock clock;

    private transient ObjectStore store;
    private transient QualityScorer scorer;

    public ScoreQualityFunction(
            ObjectStoreFactory storeFactory,
            QualityConfig config,
            Clock clock,
            int threads,
            int capacity) {
        super(threads, capacity);
        this.storeFactory = storeFactory;
        this.config = config;
        this.clock = clock;
    }

    @Override
    protected void openResources() {
        store = storeFactory.create();
        scorer = new QualityScorer(config);
    }

    @Override
    protected VideoResult process(RenderedVideo video) throws Exception {
        return process(video, Cancellation.none());
    }

    /** Scoring stops between frames once the timeout has answered for the video. */
    @Override
    protected VideoResult process(RenderedVideo video, Cancellation cancellation) throws Exception {
        if (video.getError() != null) {
            return VideoResults.failed(video, video.getError(), clock.instant());
        }
        Path file = Files.createTempFile("reelflow-quality-", ".mp4");
        try {
            store.get(video.getVideoUri(), file);
            cancellation.throwIfCancelled();
            QualityReport report = scorer.score(file, video, cancellation);
            return VideoResults.scored(video, report, clock.instant());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    protected VideoResult onFailure(RenderedVideo video, Throwable failure) {
        return VideoResults.failed(video, "quality scoring failed: " + failure, clock.instant());
    }

    @Override
    protected VideoResult onTimeout(RenderedVideo video) {
        return VideoResults.failed(video, "quality scoring timed out", clock.instant());
    }

    @Override
    protected void closeResources() {
        if (store != null) {
            store.close();
        }
    }
}
