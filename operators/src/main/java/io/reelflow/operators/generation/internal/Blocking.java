package io.reelflow.operators.generation.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs blocking calls (object store, job registry) on a bounded executor of their own, never on the
 * Flink task thread or an HTTP client's threads. A full executor fails the call's future; it never
 * throws at the caller.
 */
public final class Blocking {
    private final Executor executor;

    public Blocking(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code call} on the executor. */
    public <T> CompletableFuture<T> call(Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(
                    () -> {
                        try {
                            result.complete(call.call());
                        } catch (Throwable failure) {
                            result.completeExceptionally(failure);
                        }
                    });
        } catch (RejectedExecutionException rejected) {
            result.completeExceptionally(rejected);
        }
        return result;
    }

    /** Runs {@code action} on the executor. */
    public CompletableFuture<Void> run(Action action) {
        return call(
                () -> {
                    action.run();
                    return null;
                });
    }

    /** A blocking action that may throw. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }
}
