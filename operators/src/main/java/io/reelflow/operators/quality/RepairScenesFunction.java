package io.reelflow.operators.quality;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.Renderer;
import io.reelflow.schemas.ScoredVideo;
import io.reelflow.schemas.VideoResult;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async Flink shell around {@link SceneRepair}: makes each scored video's result, re-rendering it
 * once (FFmpeg, on this function's bounded pool) when failed scenes have alternatives. A timeout or
 * failure before the repaired video is stored answers with the first video, DEGRADED with why.
 */
public class RepairScenesFunction extends BlockingAsyncFunction<ScoredVideo, VideoResult> {
    private static final Logger LOG = LoggerFactory.getLogger(RepairScenesFunction.class);

    private final ObjectStoreFactory storeFactory;
    private final RenderConfig renderConfig;
    private final VideoScorerFactory scorerFactory;
    private final Clock clock;

    private transient ObjectStore store;
    private transient SceneRepair repair;
    private transient VideoScorer scorer;

    public RepairScenesFunction(
            ObjectStoreFactory storeFactory,
            RenderConfig renderConfig,
            VideoScorerFactory scorerFactory,
            Clock clock,
            int threads,
            int capacity) {
        super(threads, capacity);
        this.storeFactory = storeFactory;
        this.renderConfig = renderConfig;
        this.scorerFactory = scorerFactory;
        this.clock = clock;
    }

    @Override
    protected String stage() {
        return "repair";
    }

    @Override
    protected void openResources() {
        store = storeFactory.create();
        Renderer renderer = new Renderer(store, renderConfig);
        scorer = scorerFactory.create();
        repair = new SceneRepair(store, renderer::render, scorer, clock);
    }

    @Override
    protected VideoResult process(ScoredVideo scored) throws Exception {
        return process(scored, Cancellation.none());
    }

    @Override
    protected VideoResult process(ScoredVideo scored, Cancellation cancellation) throws Exception {
        return repair.resultOf(scored, cancellation);
    }

    @Override
    protected VideoResult onFailure(ScoredVideo scored, Throwable failure) {
        if (failure instanceof CancelledException) {
            // The timeout already answered for this video.
            return repair.withoutRepair(scored, "the repair timed out");
        }
        LOG.warn("Repairing {} failed", scored.getVideo().getRequestId(), failure);
        return repair.withoutRepair(scored, "the repair failed: " + failure);
    }

    @Override
    protected VideoResult onTimeout(ScoredVideo scored) {
        return repair.withoutRepair(scored, "the repair timed out");
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
}
