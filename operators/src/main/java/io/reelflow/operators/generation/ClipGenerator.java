package io.reelflow.operators.generation;

import io.reelflow.operators.generation.internal.Cancellation;
import io.reelflow.operators.generation.internal.Failures;
import io.reelflow.operators.generation.internal.Generated;
import io.reelflow.operators.generation.internal.InFlight;
import io.reelflow.operators.generation.internal.ModelRun;
import io.reelflow.operators.generation.internal.Resources;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides the media of one scene, without blocking: the retrieved stock asset when there is one,
 * else generated media. Each model in the configured order gets the scene snapped to what it
 * accepts; its media is looked up in the content-addressed clip cache, joined when identical work
 * is in flight in this JVM, or generated (see {@code ModelRun}); when every model fails, the scene
 * becomes a title card that says why. A result from a fallback model is marked degraded too.
 *
 * <pre>{@code
 * ClipGenerator generator = new ClipGenerator(runtime, GenerationMetrics.NONE);
 * generator.clipFor(task).thenAccept(clip -> ...); // never fails; cancel() cancels the work
 * }</pre>
 */
public final class ClipGenerator {
    private final GenerationRuntime runtime;
    private final Resources resources;
    private final GenerationMetrics metrics;

    public ClipGenerator(GenerationRuntime runtime, GenerationMetrics metrics) {
        this.runtime = runtime;
        this.resources = runtime.resources(metrics);
        this.metrics = metrics;
    }

    /**
     * The clip for a scene. The future never fails: failures become a degraded title card.
     * Cancelling it gives up this scene's interest in the work, which is cancelled (the job on its
     * server too) once no other scene waits for it.
     */
    public CompletableFuture<SceneClip> clipFor(SceneTask task) {
        if (task.getAsset() != null) {
            return CompletableFuture.completedFuture(assetClip(task, task.getAsset()));
        }
        AtomicReference<CompletableFuture<Generated>> current = new AtomicReference<>();
        CompletableFuture<SceneClip> result = new CompletableFuture<>();
        fromModel(task, 0, new ArrayList<>(), current, result)
                .whenComplete(
                        (clip, failure) -> {
                            if (result.isDone()) {
                                return;
                            }
                            if (failure == null) {
                                result.complete(clip);
                            } else {
                                result.complete(titleCard(task, Failures.describe(failure)));
                            }
                        });
        result.whenComplete(
                (clip, failure) -> {
                    CompletableFuture<Generated> work = current.get();
                    if (result.isCancelled() && work != null) {
                        work.cancel(true);
                    }
                });
        return result;
    }

    /** A title card in place of media that could not be had; degraded, with the reason. */
    public static SceneClip fallback(SceneTask task, String reason) {
        return clip(task, ClipSource.TITLE_CARD)
                .setMediaUri(null)
                .setDegraded(true)
                .setNote("fallback to title card: " + reason)
                .build();
    }

    private CompletableFuture<SceneClip> fromModel(
            SceneTask task,
            int index,
            List<String> reasons,
            AtomicReference<CompletableFuture<Generated>> current,
            CompletableFuture<SceneClip> result) {
        List<ModelProfile> models = runtime.config().models();
        if (result.isDone()) {
            return CompletableFuture.failedFuture(new CancellationException("cancelled"));
        }
        if (index >= models.size()) {
            return CompletableFuture.completedFuture(titleCard(task, String.join("; ", reasons)));
        }
        ModelProfile model = models.get(index);
        GenerationRequest request;
        try {
            request = model.requestFor(task);
        } catch (RuntimeException e) {
            // A scene this model cannot take is the next model's, never a failed task.
            reasons.add(model.id() + ": " + e.getMessage());
            return fromModel(task, index + 1, reasons, current, result);
        }
        CompletableFuture<Generated> work = join(model, request);
        current.set(work);
        return work.thenApply(
                        generated -> {
                            if (!reasons.isEmpty()) {
                                metrics.fallbackModel();
                            }
                            return generatedClip(task, model, request, generated, reasons);
                        })
                .exceptionallyCompose(
                        failure -> {
                            reasons.add(Failures.describe(failure));
                            return fromModel(task, index + 1, reasons, current, result);
                        });
    }

    /** Joins the identical work in flight in this JVM, or starts it. */
    private CompletableFuture<Generated> join(ModelProfile model, GenerationRequest request) {
        InFlight.Joined<Generated> joined =
                runtime.inFlight()
                        .join(request.contentKey(), cancel -> cachedOrRun(model, request, cancel));
        if (joined.shared()) {
            metrics.sharedSubmission();
        }
        return joined.result();
    }

    private CompletableFuture<Generated> cachedOrRun(
            ModelProfile model, GenerationRequest request, Cancellation cancellation) {
        String objectKey = ModelRun.objectKeyOf(request);
        return resources
                .blocking()
                .call(() -> resources.store().find(objectKey))
                .thenCompose(
                        cached -> {
                            if (cached.isPresent()) {
                                metrics.cacheHit();
                                return CompletableFuture.completedFuture(
                                        Generated.cached(cached.get()));
                            }
                            return new ModelRun(resources, model, request, cancellation).run();
                        });
    }

    private SceneClip titleCard(SceneTask task, String reason) {
        metrics.titleCard();
        return fallback(task, reason.isEmpty() ? "no generation model succeeded" : reason);
    }

    private static SceneClip generatedClip(
            SceneTask task,
            ModelProfile model,
            GenerationRequest request,
            Generated generated,
            List<String> reasons) {
        String made =
                generated.fromCache()
                        ? "reused generated media of " + model.id()
                        : "generated by " + model.id() + " on " + generated.endpoint();
        String note =
                reasons.isEmpty()
                        ? made
                        : made + " (fallback model after: " + String.join("; ", reasons) + ")";
        return clip(
                        task,
                        request.kind() == MediaKind.IMAGE
                                ? ClipSource.GENERATED_PHOTO
                                : ClipSource.GENERATED)
                .setMediaUri(generated.uri())
                .setDegraded(!reasons.isEmpty())
                .setNote(note)
                .build();
    }

    private static SceneClip assetClip(SceneTask task, AssetMatch asset) {
        return clip(
                        task,
                        asset.getKind() == AssetKind.CLIP
                                ? ClipSource.STOCK_CLIP
                                : ClipSource.STOCK_PHOTO)
                .setMediaUri(asset.getUri())
                .setCredit(asset.getCredit())
                .setAssetDescription(asset.getDescription())
                .setNote(
                        String.format(
                                "catalog asset %s (score %.2f)",
                                asset.getAssetId(), asset.getScore()))
                .build();
    }

    private static SceneClip.Builder clip(SceneTask task, ClipSource source) {
        return SceneClip.newBuilder()
                .setRequestId(task.getRequestId())
                .setRunId(task.getRunId())
                .setSceneCount(task.getSceneCount())
                .setScene(task.getScene())
                .setSource(source)
                .setAlternatives(task.getAlternatives())
                .setCredit(null)
                .setDegraded(false)
                .setRetryable(false);
    }
}
