package io.reelflow.operators.quality;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.ScoredVideo;

/**
 * Async Flink shell around a {@link VideoScorer}: downloads the stored video, decodes and scores
 * it, and hands video and verdict to the repair stage ({@link RepairScenesFunction}), which makes
 * the result. A video that was not rendered passes through unscored; a scoring failure or timeout
 * travels as {@code scoringError}.
 */
public class ScoreQualityFunction extends BlockingAsyncFunction<RenderedVideo, ScoredVideo> {
    private final ObjectStoreFactory storeFactory;
    private final VideoScorerFactory scorerFactory;

    private transient ObjectStore store;
    private transient VideoScorer scorer;

    public ScoreQualityFunction(
            ObjectStoreFactory storeFactory,
            VideoScorerFactory scorerFactory,
            int threads,
            int capacity) {
        super(threads, capacity);
        this.storeFactory = storeFactory;
        this.scorerFactory = scorerFactory;
    }

    @Override
    protected String stage() {
        return "score";
    }

    @Override
    protected void openResources() {
        store = storeFactory.create();
        scorer = scorerFactory.create();
    }

    @Override
    protected ScoredVideo process(RenderedVideo video) throws Exception {
        return process(video, Cancellation.none());
    }

    /** Scoring stops between frames once the timeout has answered for the video. */
    @Override
    protected ScoredVideo process(RenderedVideo video, Cancellation cancellation) throws Exception {
        if (video.getError() != null) {
            return scored(video, null, null);
        }
        return scored(video, scorer.scoreStored(store, video, cancellation), null);
    }

    @Override
    protected ScoredVideo onFailure(RenderedVideo video, Throwable failure) {
        return scored(video, null, "quality scoring failed: " + failure);
    }

    @Override
    protected ScoredVideo onTimeout(RenderedVideo video) {
        return scored(video, null, "quality scoring timed out");
    }

    @Override
    protected void closeResources() {
        if (scorer != null) {
            scorer.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private static ScoredVideo scored(RenderedVideo video, QualityReport report, String error) {
        return ScoredVideo.newBuilder()
                .setVideo(video)
                .setReport(report)
                .setScoringError(error)
                .build();
    }
}
