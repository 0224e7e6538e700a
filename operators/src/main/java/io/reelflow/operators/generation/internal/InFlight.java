package io.reelflow.operators.generation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The generation work in flight in this JVM, by content key: identical scenes arriving while their
 * work runs join it instead of starting it again. Each joiner gets its own future; cancelling it
 * leaves the work, and the work is cancelled when its last joiner leaves.
 */
public final class InFlight<T> {
    private final Map<String, Shared<T>> byKey = new HashMap<>();

    /** A joiner's view of shared work; {@code shared} when it joined work already running. */
    public record Joined<T>(CompletableFuture<T> result, boolean shared) {}

    /**
     * Joins the work for {@code key}, or starts it with {@code start} (given the work's
     * cancellation).
     */
    public Joined<T> join(String key, Function<Cancellation, CompletableFuture<T>> start) {
        Shared<T> work;
        boolean shared;
        synchronized (this) {
            work = byKey.get(key);
            shared = work != null;
            if (!shared) {
                work = new Shared<>();
                byKey.put(key, work);
            }
            work.joiners++;
        }
        if (!shared) {
            run(key, work, start);
        }
        return new Joined<>(viewOf(key, work), shared);
    }

    /**
     * Detaches all work in flight (the runtime is closing): it stops, but its jobs stay running and
     * registered for the restored tasks to resume.
     */
    public void detachAll() {
        List<Shared<T>> all;
        synchronized (this) {
            all = new ArrayList<>(byKey.values());
            byKey.clear();
        }
        all.forEach(work -> work.cancellation.detach());
    }

    /** Keys with work in flight. */
    public synchronized int size() {
        return byKey.size();
    }

    private void run(
            String key, Shared<T> work, Function<Cancellation, CompletableFuture<T>> start) {
        CompletableFuture<T> started;
        try {
            started = start.apply(work.cancellation);
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete(
                (value, failure) -> {
                    forget(key, work);
                    if (failure == null) {
                        work.result.complete(value);
                    } else {
                        work.result.completeExceptionally(failure);
                    }
                });
    }

    private CompletableFuture<T> viewOf(String key, Shared<T> work) {
        CompletableFuture<T> view = new CompletableFuture<>();
        work.result.whenComplete(
                (value, failure) -> {
                    if (failure == null) {
                        view.complete(value);
                    } else {
                        view.completeExceptionally(failure);
                    }
                });
        view.whenComplete(
                (value, failure) -> {
                    if (view.isCancelled()) {
                        leave(key, work);
                    }
                });
        return view;
    }

    private void leave(String key, Shared<T> work) {
        synchronized (this) {
            work.joiners--;
            if (work.joiners > 0) {
                return;
            }
            // Later joiners start afresh rather than join work that is being cancelled.
            byKey.remove(key, work);
        }
        work.cancellation.cancel();
    }

    private synchronized void forget(String key, Shared<T> work) {
        byKey.remove(key, work);
    }

    private static final class Shared<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Cancellation cancellation = new Cancellation();
        int joiners;
    }
}
