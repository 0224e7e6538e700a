package io.reelflow.operators.generation.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.ModelEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One model server as the generation stage sees it: its client, its job slots, a circuit breaker
 * fed by every call's outcome, whether its health check passes, and how long it asked us to stay
 * away ({@code Retry-After}). Overload pauses the endpoint instead of counting against its breaker:
 * a busy server is healthy.
 */
public final class Endpoint {
    private final ModelEndpoint config;
    private final GenerationClient client;
    private final AsyncSlots slots;
    private final CircuitBreaker breaker;
    private final Duration callGuard;
    private volatile boolean healthy = true;
    private volatile Instant pausedUntil = Instant.MIN;

    public Endpoint(ModelEndpoint config, GenerationClient client, CircuitBreakerConfig breaker) {
        this.config = config;
        this.client = client;
        this.slots = new AsyncSlots(config.slots());
        this.breaker = CircuitBreaker.of(config.name(), breaker);
        // Adapters enforce the per-call timeout; this only catches a future that never completes.
        this.callGuard = config.requestTimeout().multipliedBy(3);
    }

    public String name() {
        return config.name();
    }

    public GenerationClient client() {
        return client;
    }

    public AsyncSlots slots() {
        return slots;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Jobs running plus scenes waiting, per slot: what least-in-flight routing compares. */
    public double load() {
        return (slots.inUse() + slots.waiting()) / (double) slots.slots();
    }

    public boolean healthy() {
        return healthy;
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    public Instant pausedUntil() {
        return pausedUntil;
    }

    /** Sends no new work before {@code until} (a 429/503 with {@code Retry-After}). */
    public void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** 0 closed, 1 half-open, 2 open, 3 other (disabled, forced open): a gauge's value. */
    public int breakerState() {
        return switch (breaker.getState()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
            default -> 3;
        };
    }

    /**
     * Makes one call and feeds its outcome to the breaker; a call that never completes fails with a
     * {@code TIMEOUT}.
     */
    public <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
        long start = System.nanoTime();
        CompletableFuture<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.orTimeout(callGuard.toMillis(), TimeUnit.MILLISECONDS)
                .handle(
                        (value, failure) -> {
                            long took = System.nanoTime() - start;
                            if (failure == null) {
                                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                                return CompletableFuture.completedFuture(value);
                            }
                            Throwable cause = Failures.generationFailure(unwrapped(failure));
                            breaker.onError(took, TimeUnit.NANOSECONDS, cause);
                            return CompletableFuture.<T>failedFuture(cause);
                        })
                .thenCompose(f -> f);
    }

    private Throwable unwrapped(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        if (cause instanceof TimeoutException) {
            return new GenerationException(
                    name() + ": no answer within " + callGuard,
                    GenerationException.Cause.TIMEOUT,
                    null,
                    cause);
        }
        return cause;
    }

    /** The breaker's settings: which failures count against an endpoint. */
    public static CircuitBreakerConfig breakerConfig(int failureRatePercent, Duration openFor) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(openFor)
                .recordException(Failures::countsAgainstEndpoint)
                .build();
    }

    @Override
    public String toString() {
        return name();
    }
}
