package io.reelflow.operators.render;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async Flink shell around {@link Renderer}: FFmpeg runs on this function's bounded pool. A render
 * that throws or outlives the timeout becomes a {@link RenderedVideo} with an error, which the
 * quality stage turns into a FAILED result. A timed-out render is cancelled: it stops between
 * frames, uploads nothing more and deletes what it had uploaded, freeing its thread.
 */
public class RenderVideoFunction extends BlockingAsyncFunction<RenderJob, RenderedVideo> {
    private static final Logger LOG = LoggerFactory.getLogger(RenderVideoFunction.class);

    private final ObjectStoreFactory storeFactory;
    private final RenderConfig config;

    private transient ObjectStore store;
    private transient Renderer renderer;

    public RenderVideoFunction(
            ObjectStoreFactory storeFactory, RenderConfig config, int threads, int capacity) {
        super(threads, capacity);
        this.storeFactory = storeFactory;
        this.config = config;
    }

    @Override
    protected String stage() {
        return "render";
    }

    @Override
    protected void openResources() {
        store = storeFactory.create();
        renderer = new Renderer(store, config);
    }

    @Override
    protected RenderedVideo process(RenderJob job) throws Exception {
        return renderer.render(job);
    }

    @Override
    protected RenderedVideo process(RenderJob job, Cancellation cancellation) throws Exception {
        return renderer.render(job, cancellation);
    }

    @Override
    protected RenderedVideo onFailure(RenderJob job, Throwable failure) {
        if (failure instanceof CancelledException) {
            // The timeout already answered for this job; the render only stopped and cleaned up.
            LOG.info("Render of {} cancelled after its timeout", job.getRequestId());
            return failed(job, "rendering timed out");
        }
        LOG.warn("Rendering failed for {}", job.getRequestId(), failure);
        return failed(job, "rendering failed: " + failure);
    }

    @Override
    protected RenderedVideo onTimeout(RenderJob job) {
        return failed(job, "rendering timed out");
    }

    @Override
    protected void closeResources() {
        if (store != null) {
            store.close();
        }
    }

    static RenderedVideo failed(RenderJob job, String error) {
        return RenderedVideo.newBuilder()
                .setRequestId(job.getRequestId())
                .setRunId(job.getRunId())
                .setLanguage(job.getLanguage())
                .setSpec(job.getSpec())
                .setDurationSeconds(0)
                .setWidth(0)
                .setHeight(0)
                .setSceneCount(job.getClips().size())
                .setDegraded(true)
                .setCredits(List.of())
                .setNotes(List.of())
                .setError(error)
                .setJob(job)
                .build();
    }
}
