package io.reelflow.operators.generation;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.operators.common.StageMetrics;
import io.reelflow.operators.generation.internal.FlinkGenerationMetrics;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.status.VideoResults;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.SceneWork;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.util.ArrayList;
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
 * <p>Its input is {@link SceneWork}: a scene, or a CANCEL command from the control topic, which
 * cancels the request's scenes in flight here (their jobs on the model servers too, as far as the
 * protocol allows, unless another scene shares them); each such scene completes with a title card
 * saying who cancelled it.
 *
 * <pre>{@code
 * AsyncDataStream.unorderedWait(work, new GenerateClipFunction(clients, registry, store, config),
 *         config.operatorTimeout().toMillis(), TimeUnit.MILLISECONDS, config.capacity());
 * }</pre>
 */
public class GenerateClipFunction extends RichAsyncFunction<SceneWork, SceneClip> {
    private final GenerationClientFactory clientFactory;
    private final JobRegistryFactory registryFactory;
    private final ObjectStoreFactory storeFactory;
    private final GenerationConfig config;

    private transient GenerationRuntime runtime;
    private transient ClipGenerator generator;
    private transient Map<SceneTask, Running> running;
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

    /** The input of a scene to generate. */
    public static SceneWork scene(SceneTask task) {
        return SceneWork.newBuilder().setTask(task).setCancel(null).build();
    }

    /** The input that cancels a request's scenes in flight. */
    public static SceneWork cancel(ControlCommand command) {
        return SceneWork.newBuilder().setTask(null).setCancel(command).build();
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
    public void asyncInvoke(SceneWork work, ResultFuture<SceneClip> resultFuture) {
        if (work.getCancel() != null) {
            cancelRequest(work.getCancel());
            resultFuture.complete(List.of());
            return;
        }
        long start = StageMetrics.start();
        SceneTask task = work.getTask();
        CompletableFuture<SceneClip> clip = generator.clipFor(task);
        running.put(task, new Running(clip, resultFuture));
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
    public void timeout(SceneWork work, ResultFuture<SceneClip> resultFuture) {
        if (work.getTask() == null) {
            // A command completes as it is invoked; nothing to stand in for.
            resultFuture.complete(List.of());
            return;
        }
        if (standIn(
                work.getTask(),
                "generation timed out after " + config.operatorTimeout(),
                resultFuture)) {
            stageMetrics.timedOut();
            metrics.titleCard();
        }
    }

    /** Cancels the scenes of the command's request (and run) that are in flight here. */
    private void cancelRequest(ControlCommand command) {
        List<SceneTask> cancelled = new ArrayList<>();
        synchronized (running) {
            for (SceneTask task : running.keySet()) {
                if (task.getRequestId().equals(command.getRequestId())
                        && (command.getRunId() == null
                                || command.getRunId().equals(task.getRunId()))) {
                    cancelled.add(task);
                }
            }
        }
        String reason = VideoResults.cancelledBy(command);
        for (SceneTask task : cancelled) {
            Running scene = running.get(task);
            if (scene != null) {
                standIn(task, reason, scene.result());
            }
        }
    }

    /**
     * Cancels the scene's work and completes it with a title card, unless it finished first;
     * whether it stood in.
     */
    private boolean standIn(SceneTask task, String reason, ResultFuture<SceneClip> resultFuture) {
        Running scene = running.remove(task);
        if (scene != null && scene.clip().cancel(true)) {
            resultFuture.complete(List.of(ClipGenerator.fallback(task, reason)));
            return true;
        }
        return false;
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

    /** A scene in flight: its clip's future and the operator's result future. */
    private record Running(CompletableFuture<SceneClip> clip, ResultFuture<SceneClip> result) {}
}
