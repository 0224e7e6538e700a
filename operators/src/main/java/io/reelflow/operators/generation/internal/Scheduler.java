package io.reelflow.operators.generation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Time for the generation stage: what time it is, and futures that complete after a delay. Polls,
 * backoffs and deadlines go through it, so tests can run minutes of waiting in milliseconds.
 */
public interface Scheduler {

    Instant now();

    /** Completes (on a scheduler thread, never the caller's) once {@code delay} has passed. */
    CompletableFuture<Void> after(Duration delay);

    /** Runs {@code task} every {@code interval} until the returned handle is closed. */
    AutoCloseable every(Duration interval, Runnable task);
}
