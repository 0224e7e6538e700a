package io.reelflow.operators.generation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on a shared {@link ScheduledExecutorService} and the system clock. */
public final class ExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorScheduler(ScheduledExecutorService executor) {
        this(executor, Clock.systemUTC());
    }

    public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ScheduledFuture<?> timer =
                    executor.schedule(
                            () -> done.complete(null),
                            Math.max(0, delay.toMillis()),
                            TimeUnit.MILLISECONDS);
            done.whenComplete((ignored, failure) -> timer.cancel(false));
        } catch (RuntimeException rejected) {
            done.completeExceptionally(rejected);
        }
        return done;
    }

    @Override
    public AutoCloseable every(Duration interval, Runnable task) {
        long millis = interval.toMillis();
        ScheduledFuture<?> timer =
                executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        return () -> timer.cancel(false);
    }
}
