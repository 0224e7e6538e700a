package io.reelflow.operators.narration;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechClientFactory;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.ScenePlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Async Flink shell around {@link Narrator}, on a bounded pool of its own. A plan without narration
 * passes through unchanged; a failure or a timeout yields the plan without narration, DEGRADED with
 * the reason, never a job failure.
 */
public class NarrateFunction extends BlockingAsyncFunction<ScenePlan, ScenePlan> {

    private final NarrationConfig config;
    private final SceneAnalyzerConfig sceneConfig;
    private final SpeechClientFactory clientFactory;
    private final ObjectStoreFactory storeFactory;

    private transient ObjectStore store;
    private transient List<SpeechClient> clients;
    private transient Narrator narrator;

    public NarrateFunction(
            NarrationConfig config,
            SceneAnalyzerConfig sceneConfig,
            SpeechClientFactory clientFactory,
            ObjectStoreFactory storeFactory,
            int threads,
            int capacity) {
        super(threads, capacity);
        this.config = config;
        this.sceneConfig = sceneConfig;
        this.clientFactory = clientFactory;
        this.storeFactory = storeFactory;
    }

    @Override
    protected String stage() {
        return "narrate";
    }

    @Override
    protected void openResources() {
        store = storeFactory.create();
        clients = new ArrayList<>();
        config.endpoints().forEach(endpoint -> clients.add(clientFactory.create(endpoint)));
        narrator =
                new Narrator(
                        config,
                        clients,
                        store,
                        new SceneAnalyzer(sceneConfig),
                        Path.of(System.getProperty("java.io.tmpdir"), "reelflow-narration"),
                        duration -> Thread.sleep(duration.toMillis()));
    }

    @Override
    protected ScenePlan process(ScenePlan plan) throws Exception {
        return process(plan, Cancellation.none());
    }

    @Override
    protected ScenePlan process(ScenePlan plan, Cancellation cancellation) throws Exception {
        return narrator.narrate(plan, cancellation);
    }

    @Override
    protected ScenePlan onFailure(ScenePlan plan, Throwable failure) {
        return plan.getSpec().getNarration()
                ? Narrator.skipped(plan, String.valueOf(failure.getMessage()))
                : plan;
    }

    @Override
    protected ScenePlan onTimeout(ScenePlan plan) {
        return plan.getSpec().getNarration()
                ? Narrator.skipped(plan, "speech took longer than the stage's timeout")
                : plan;
    }

    @Override
    protected void closeResources() {
        if (clients != null) {
            clients.forEach(SpeechClient::close);
        }
        if (store != null) {
            store.close();
        }
    }
}
