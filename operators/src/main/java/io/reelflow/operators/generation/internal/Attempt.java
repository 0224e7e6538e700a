package io.reelflow.operators.generation.internal;

import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.operators.port.RegisteredJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at one request on one endpoint: resume the job the registry knows, or take a slot,
 * claim the content key, submit, register the job id before the first poll, poll to the end, then
 * download, store and release the key. A job past its deadline or no longer wanted is cancelled on
 * its server and released; a job whose polls failed stays registered, so the next attempt resumes
 * it.
 */
final class Attempt {
    private static final Logger LOG = LoggerFactory.getLogger(Attempt.class);

    private final Resources resources;
    private final ModelProfile model;
    private final GenerationRequest request;
    private final String key;
    private final String objectKey;
    private final Cancellation cancellation;
    private final String avoid;
    private volatile String endpointName;
    private volatile AsyncSlots.Permit permit;

    Attempt(
            Resources resources,
            ModelProfile model,
            GenerationRequest request,
            Cancellation cancellation,
            String avoid) {
        this.resources = resources;
        this.model = model;
        this.request = request;
        this.key = request.contentKey();
        this.objectKey = objectKeyOf(request);
        this.cancellation = cancellation;
        this.avoid = avoid;
    }

    /**
     * The object store key of a request's media: {@code clips/{contentKey}.mp4} or {@code .png}.
     */
    static String objectKeyOf(GenerationRequest request) {
        return "clips/"
                + request.contentKey()
                + (request.kind() == MediaKind.IMAGE ? ".png" : ".mp4");
    }

    /** The endpoint this attempt used (or tried to), for retries and metrics. */
    String endpointName() {
        return endpointName;
    }

    CompletableFuture<Generated> run() {
        return resources
                .blocking()
                .call(() -> resources.registry().find(key))
                .thenCompose(this::resumeOrStart)
                .whenComplete((generated, failure) -> releaseSlot());
    }

    private CompletableFuture<Generated> resumeOrStart(Optional<RegisteredJob> registered) {
        cancellation.check();
        return registered.filter(RegisteredJob::submitted).map(this::resume).orElseGet(this::start);
    }

    /** Polls a registered job on its endpoint, or forgets it when that endpoint cannot serve. */
    private CompletableFuture<Generated> resume(RegisteredJob job) {
        Optional<Endpoint> endpoint = resources.pool().endpoint(job.endpoint());
        if (endpoint.isEmpty() || !endpoint.get().breaker().tryAcquirePermission()) {
            LOG.info(
                    "Job {} of {} is on unavailable endpoint {}: submitting again",
                    job.jobId(),
                    key,
                    job.endpoint());
            endpoint.ifPresent(e -> cancelQuietly(e, job.jobId()));
            return releaseKey().thenCompose(ignored -> start());
        }
        Endpoint on = endpoint.get();
        endpointName = on.name();
        Instant now = resources.scheduler().now();
        Instant started = job.updatedAt() == null ? now : job.updatedAt();
        Instant deadline = started.plus(model.jobDeadline());
        // A job whose deadline passed while nobody watched gets one look before it is given up.
        Instant firstLook = now.plus(model.pollInterval());
        Instant until = deadline.isAfter(firstLook) ? deadline : firstLook;
        GenerationJob queued = GenerationJob.of(job.jobId(), JobState.QUEUED);
        return takeSlot(on, on.slots().acquire())
                .thenCompose(ignored -> follow(on, queued, until, started));
    }

    /** A new job: the least loaded endpoint, a slot on it, a claim, then a submission. */
    private CompletableFuture<Generated> start() {
        Instant now = resources.scheduler().now();
        Optional<EndpointPool.Choice> choice =
                resources.pool().choose(model.endpoints(), avoid, now);
        if (choice.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new Failures.NoEndpoint("no endpoint of " + model.id() + " can take work"));
        }
        Endpoint endpoint = choice.get().endpoint();
        endpointName = endpoint.name();
        // The choice asked for the slot, so the next routing decision already sees this job.
        Duration delay = choice.get().delay();
        return takeSlot(endpoint, choice.get().slot())
                .thenCompose(ignored -> cancellation.guard(resources.scheduler().after(delay)))
                .thenCompose(ignored -> claim(endpoint));
    }

    private CompletableFuture<Void> takeSlot(
            Endpoint endpoint, CompletableFuture<AsyncSlots.Permit> slot) {
        Instant asked = resources.scheduler().now();
        return cancellation
                .guard(slot)
                .thenAccept(
                        granted -> {
                            permit = granted;
                            cancellation.check();
                            resources.metrics().queueWait(endpoint.name(), since(asked));
                        });
    }

    private CompletableFuture<Generated> claim(Endpoint endpoint) {
        return resources
                .blocking()
                .call(
                        () ->
                                resources
                                        .registry()
                                        .claim(
                                                key,
                                                resources.owner(),
                                                resources.config().claimStaleAfter()))
                .thenCompose(
                        other -> {
                            if (other.isEmpty()) {
                                return cachedOrSubmit(endpoint);
                            }
                            // Another task manager got there first: follow its job, or wait for it.
                            endpoint.breaker().releasePermission();
                            releaseSlot();
                            return other.get().submitted()
                                    ? resume(other.get())
                                    : awaitOtherOwner();
                        });
    }

    private CompletableFuture<Generated> awaitOtherOwner() {
        return cancellation
                .guard(resources.scheduler().after(model.pollInterval()))
                .thenCompose(
                        ignored -> resources.blocking().call(() -> resources.registry().find(key)))
                .thenCompose(this::resumeOrStart);
    }

    /** Another task manager may have stored the media between our cache look-up and our claim. */
    private CompletableFuture<Generated> cachedOrSubmit(Endpoint endpoint) {
        return resources
                .blocking()
                .call(() -> resources.store().find(objectKey))
                .thenCompose(
                        stored -> {
                            if (stored.isEmpty()) {
                                return submit(endpoint);
                            }
                            endpoint.breaker().releasePermission();
                            return releaseKey()
                                    .thenApply(ignored -> Generated.cached(stored.get()));
                        });
    }

    private CompletableFuture<Generated> submit(Endpoint endpoint) {
        if (cancellation.cancelled()) {
            return releaseKey()
                    .thenCompose(ignored -> failed(new CancellationException("cancelled")));
        }
        Instant started = resources.scheduler().now();
        resources.metrics().submitted(endpoint.name());
        return endpoint.call(() -> endpoint.client().submit(request))
                .thenCompose(job -> register(endpoint, job))
                .exceptionallyCompose(
                        failure -> releaseKey().thenCompose(ignored -> failed(failure)))
                .thenCompose(
                        job -> follow(endpoint, job, started.plus(model.jobDeadline()), started));
    }

    /** Stores the job id before the first poll; a job that cannot be registered is cancelled. */
    private CompletableFuture<GenerationJob> register(Endpoint endpoint, GenerationJob job) {
        return resources
                .blocking()
                .run(() -> resources.registry().submitted(key, endpoint.name(), job.id()))
                .handle(
                        (ignored, failure) -> {
                            if (failure != null) {
                                cancelQuietly(endpoint, job.id());
                                return CompletableFuture.<GenerationJob>failedFuture(failure);
                            }
                            return CompletableFuture.completedFuture(job);
                        })
                .thenCompose(f -> f);
    }

    /** Polls the job to its end and takes its result. */
    private CompletableFuture<Generated> follow(
            Endpoint endpoint, GenerationJob job, Instant deadline, Instant started) {
        return new PollLoop(resources, endpoint, model.pollInterval(), deadline, cancellation)
                .run(job)
                .exceptionallyCompose(failure -> abandon(endpoint, job, failure))
                .thenCompose(finished -> finished(endpoint, finished, started));
    }

    /**
     * Past its deadline or no longer wanted: cancel the job and release its key. Detached work
     * leaves both, for the restored task to resume.
     */
    private CompletableFuture<GenerationJob> abandon(
            Endpoint endpoint, GenerationJob job, Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof CancellationException && cancellation.detached()) {
            return failed(cause);
        }
        if (cause instanceof Failures.DeadlineExceeded || cause instanceof CancellationException) {
            cancelQuietly(endpoint, job.id());
            return releaseKey().thenCompose(ignored -> failed(cause));
        }
        return failed(cause);
    }

    private CompletableFuture<Generated> finished(
            Endpoint endpoint, GenerationJob job, Instant started) {
        releaseSlot();
        Duration took = since(started);
        resources.metrics().jobLatency(endpoint.name(), took);
        // GPU time as the server reports it, else the job's time: what the scene cost.
        resources
                .metrics()
                .gpuTime(
                        endpoint.name(),
                        job.gpuSeconds() != null
                                ? Duration.ofMillis(Math.round(job.gpuSeconds() * 1000))
                                : took);
        return switch (job.state()) {
            case COMPLETED -> download(endpoint, job);
            case LOST -> releaseKey().thenCompose(ignored -> failed(lost(endpoint, job)));
            default -> releaseKey().thenCompose(ignored -> failed(jobFailed(endpoint, job)));
        };
    }

    private static GenerationException lost(Endpoint endpoint, GenerationJob job) {
        return new Failures.JobLost("job " + job.id() + " on " + endpoint + " was lost");
    }

    private static GenerationException jobFailed(Endpoint endpoint, GenerationJob job) {
        return new GenerationException(
                "job " + job.id() + " on " + endpoint + " failed: " + job.error(),
                GenerationException.Cause.JOB_FAILED);
    }

    /** Downloads to a temporary file, stores it under the content key, then releases the key. */
    private CompletableFuture<Generated> download(Endpoint endpoint, GenerationJob job) {
        String suffix = objectKey.substring(objectKey.lastIndexOf('.'));
        return resources
                .blocking()
                .call(() -> Files.createTempFile("reelflow-generated-", suffix))
                .thenCompose(
                        file ->
                                store(endpoint, job, file)
                                        .whenComplete((generated, failure) -> deleteQuietly(file)));
    }

    private CompletableFuture<Generated> store(Endpoint endpoint, GenerationJob job, Path file) {
        return endpoint.call(() -> endpoint.client().download(job, file))
                .thenCompose(
                        media ->
                                resources
                                        .blocking()
                                        .call(
                                                () ->
                                                        resources
                                                                .store()
                                                                .put(
                                                                        objectKey,
                                                                        file,
                                                                        contentTypeOf(
                                                                                media
                                                                                        .contentType()))))
                .thenCompose(
                        uri ->
                                releaseKey()
                                        .thenApply(
                                                ignored ->
                                                        new Generated(
                                                                uri, endpoint.name(), job.id())));
    }

    private String contentTypeOf(String reported) {
        if (reported != null && !reported.isBlank()) {
            return reported;
        }
        return request.kind() == MediaKind.IMAGE ? "image/png" : "video/mp4";
    }

    private CompletableFuture<Void> releaseKey() {
        return resources.blocking().run(() -> resources.registry().release(key));
    }

    private void releaseSlot() {
        AsyncSlots.Permit held = permit;
        if (held != null) {
            held.close();
        }
    }

    private void cancelQuietly(Endpoint endpoint, String jobId) {
        try {
            endpoint.client()
                    .cancel(jobId)
                    .whenComplete(
                            (ignored, failure) -> {
                                if (failure != null) {
                                    LOG.warn(
                                            "Cancelling job {} on {} failed: {}",
                                            jobId,
                                            endpoint,
                                            Failures.describe(failure));
                                }
                            });
        } catch (RuntimeException e) {
            LOG.warn("Cancelling job {} on {} failed", jobId, endpoint, e);
        }
    }

    private void deleteQuietly(Path file) {
        resources.blocking().run(() -> Files.deleteIfExists(file));
    }

    private Duration since(Instant start) {
        return Duration.between(start, resources.scheduler().now());
    }

    private static <T> CompletableFuture<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(Failures.unwrap(failure));
    }
}
