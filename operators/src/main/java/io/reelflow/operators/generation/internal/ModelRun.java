package io.reelflow.operators.generation.internal;

import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Up to {@code maxAttempts} attempts at one request on one model, with exponential backoff between
 * them and another endpoint preferred each time; an endpoint that answered 429/503 with {@code
 * Retry-After} is paused for as long as it asked. Fails with {@link ModelFailed} once the attempts
 * are spent, or at once on a failure that asking again cannot fix (a refused request, a passed
 * deadline).
 */
public final class ModelRun {
    private final Resources resources;
    private final ModelProfile model;
    private final GenerationRequest request;
    private final Cancellation cancellation;

    public ModelRun(
            Resources resources,
            ModelProfile model,
            GenerationRequest request,
            Cancellation cancellation) {
        this.resources = resources;
        this.model = model;
        this.request = request;
        this.cancellation = cancellation;
    }

    /** The model's attempts ran out, or a failure ended them. */
    public static final class ModelFailed extends Exception {
        public ModelFailed(String message, Throwable last) {
            super(message, last);
        }
    }

    /** The object store key of the request's media. */
    public static String objectKeyOf(GenerationRequest request) {
        return Attempt.objectKeyOf(request);
    }

    public CompletableFuture<Generated> run() {
        return attempt(1, null);
    }

    private CompletableFuture<Generated> attempt(int number, String avoid) {
        resources.metrics().attempted(model.name());
        Attempt attempt = new Attempt(resources, model, request, cancellation, avoid);
        return attempt.run().exceptionallyCompose(failure -> retryOrFail(number, attempt, failure));
    }

    private CompletableFuture<Generated> retryOrFail(
            int number, Attempt attempt, Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        String endpoint = attempt.endpointName();
        resources.metrics().failed(endpoint == null ? "none" : endpoint, Failures.causeName(cause));
        pauseIfAsked(endpoint, cause);
        if (cancellation.cancelled()
                || !Failures.retryable(cause)
                || number >= resources.config().maxAttempts()) {
            return CompletableFuture.failedFuture(
                    new ModelFailed(summary(number, endpoint, cause), cause));
        }
        resources.metrics().retried(model.name());
        return cancellation
                .guard(resources.scheduler().after(resources.config().backoff(number)))
                .thenCompose(ignored -> attempt(number + 1, endpoint));
    }

    /**
     * A server that says when to come back is paused until then, instead of tripping its breaker.
     */
    private void pauseIfAsked(String endpoint, Throwable cause) {
        if (endpoint != null
                && cause instanceof GenerationException generation
                && generation.reason() == GenerationException.Cause.OVERLOADED) {
            Duration wait = generation.retryAfter().orElse(resources.config().backoff(1));
            resources
                    .pool()
                    .endpoint(endpoint)
                    .ifPresent(e -> e.pauseUntil(resources.scheduler().now().plus(wait)));
        }
    }

    private String summary(int attempts, String endpoint, Throwable cause) {
        return String.format(
                "%s: %d attempt%s, last on %s: %s",
                model.id(),
                attempts,
                attempts == 1 ? "" : "s",
                endpoint == null ? "no endpoint" : endpoint,
                Failures.describe(cause));
    }
}
