package io.reelflow.operators.generation;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.operators.common.StageMetrics;
import io.reelflow.operators.generation.internal.FlinkGenerationMetrics;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Async Flink shell around {@link ClipGenerator}: non-blocking, so no thread pool of its own. Every
 * scene completes with exactly one clip. The core retries, resumes and falls back by itself, so the
 * operator needs no Flink retry strategy (which would submit again instead of resuming); use {@link
 * GenerationConfig#operatorTimeout()} as the operator's timeout, on whose expiry the scene's work
 * is cancelled and a title card stands in.
 *
 * <pre>{@code
 * AsyncDataStream.unorderedWait(tasks, new GenerateClipFunction(clients, registry, store, config),
 *         config.operatorTimeout().toMillis(), TimeUnit.MILLISECONDS, config.capacity());
 * }</pre>
 */
public class GenerateClipFunction extends RichAsyncFunction<SceneTask, SceneClip> {
    private final GenerationClientFactory clientFactory;
    private final JobRegistryFactory registryFactory;
    private final ObjectStoreFactory storeFactory;
    private final GenerationConfig config;

    private transient GenerationRuntime runtime;
    private transient ClipGenerator generator;
    private transient Map<SceneTask, CompletableFuture<SceneClip>> running;
    private transient StageMetrics stageMetrics;
    private transient GenerationMetrics metrics;

    public GenerateClipFunction(
            GenerationClientFactory clientFactory,
            JobRegistryFactory registryFactory,
            ObjectStoreFactory storeFactory,
            GenerationConfig config) {
        this.clientFactory = clientFactory;
        this.registryFactory = registryFactory;
        this.storeFactory = storeFactory;
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        runtime = GenerationRuntime.acquire(config, clientFactory, registryFactory, storeFactory);
        open(runtime);
    }

    /** Opens on a runtime of the caller's (tests); {@link #close()} does not release it. */
    void open(GenerationRuntime shared) {
        runtime = shared;
        running = Collections.synchronizedMap(new IdentityHashMap<>());
        MetricGroup reelflow = ReelflowMetrics.group(getRuntimeContext());
        stageMetrics = StageMetrics.register(reelflow, "generate", running::size);
        FlinkGenerationMetrics generation =
                new FlinkGenerationMetrics(reelflow.addGroup("generation"));
        shared.pool().all().forEach(generation::endpointGauges);
        metrics = generation;
        generator = new ClipGenerator(shared, generation);
    }

    @Override
    public void asyncInvoke(SceneTask task, ResultFuture<SceneClip> resultFuture) {
        long start = StageMetrics.start();
        CompletableFuture<SceneClip> clip = generator.clipFor(task);
        running.put(task, clip);
        clip.whenComplete(
                (value, failure) -> {
                    running.remove(task);
                    if (failure == null) {
                        stageMetrics.completed(start);
                        resultFuture.complete(List.of(value));
                    }
                });
    }

    /**
     * Cancels the scene's work (its job too, unless another scene shares it); a title card stands
     * in.
     */
    @Override
    public void timeout(SceneTask task, ResultFuture<SceneClip> resultFuture) {
        CompletableFuture<SceneClip> clip = running.remove(task);
        if (clip != null && clip.cancel(true)) {
            stageMetrics.timedOut();
            metrics.titleCard();
            resultFuture.complete(
                    List.of(
                            ClipGenerator.fallback(
                                    task,
                                    "generation timed out after " + config.operatorTimeout())));
        }
    }

    /**
     * Leaves the scenes' work running: the task closes for a failover or a stop, and the scenes are
     * in the checkpoint, so the restored task asks for them again and finds their jobs (in flight
     * in this JVM, or in the registry). Cancelling here would pay for every job twice.
     */
    @Override
    public void close() {
        if (runtime != null && generator != null) {
            runtime.release();
        }
    }
}
