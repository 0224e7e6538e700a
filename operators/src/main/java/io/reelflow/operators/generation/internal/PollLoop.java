package io.reelflow.operators.generation.internal;

import io.reelflow.operators.port.GenerationJob;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Polls one job at its model's interval until it is finished, the deadline passes ({@link
 * Failures.DeadlineExceeded}), the work is cancelled, or polls fail too often in a row. Each step
 * is scheduled, so a loop of hundreds of polls holds no thread and grows no stack.
 */
final class PollLoop {
    private final Resources resources;
    private final Endpoint endpoint;
    private final Duration interval;
    private final Instant deadline;
    private final Cancellation cancellation;
    private final CompletableFuture<GenerationJob> result = new CompletableFuture<>();
    private int failuresInARow;

    PollLoop(
            Resources resources,
            Endpoint endpoint,
            Duration interval,
            Instant deadline,
            Cancellation cancellation) {
        this.resources = resources;
        this.endpoint = endpoint;
        this.interval = interval;
        this.deadline = deadline;
        this.cancellation = cancellation;
    }

    /** Polls {@code job} until it is finished. */
    CompletableFuture<GenerationJob> run(GenerationJob job) {
        step(job);
        return result;
    }

    private void step(GenerationJob last) {
        if (last.state().finished()) {
            result.complete(last);
            return;
        }
        Instant now = resources.scheduler().now();
        if (!now.isBefore(deadline)) {
            result.completeExceptionally(
                    new Failures.DeadlineExceeded(
                            "job " + last.id() + " on " + endpoint + " passed its deadline"));
            return;
        }
        Duration wait = Duration.between(now, deadline);
        cancellation
                .guard(resources.scheduler().after(wait.compareTo(interval) < 0 ? wait : interval))
                .thenCompose(ignored -> poll(last))
                .whenComplete((next, failure) -> stepped(last, next, failure));
    }

    private CompletableFuture<GenerationJob> poll(GenerationJob last) {
        cancellation.check();
        resources.metrics().polled(endpoint.name());
        return endpoint.call(() -> endpoint.client().poll(last.id()));
    }

    private void stepped(GenerationJob last, GenerationJob next, Throwable failure) {
        if (failure == null) {
            failuresInARow = 0;
            step(next);
            return;
        }
        Throwable cause = Failures.unwrap(failure);
        boolean giveUp =
                cause instanceof CancellationException
                        || !Failures.retryable(cause)
                        || ++failuresInARow >= resources.config().maxPollFailures();
        if (giveUp) {
            result.completeExceptionally(cause);
        } else {
            // A poll that failed says nothing about the job: ask again at the next interval.
            step(last);
        }
    }
}
