package io.reelflow.operators.generation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Tells running generation work that nobody waits for it any more. Waits (a slot, a backoff, a poll
 * interval) are {@linkplain #guard guarded}, so cancelling wakes them at once; the work then
 * cancels its server job and releases its claim. {@linkplain #detach Detached} work stops the same
 * way but leaves its job running and registered: the task is going away (a failover, a stop with a
 * savepoint) and its restored successor resumes polling the job instead of paying for it twice.
 */
public final class Cancellation {
    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;
    private boolean detached;

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Stops waiting without giving the job up; see the class comment. */
    public void detach() {
        synchronized (this) {
            if (!cancelled) {
                detached = true;
            }
        }
        cancel();
    }

    /** True when the work was detached rather than cancelled: keep its job and registration. */
    public synchronized boolean detached() {
        return detached;
    }

    /** Cancels; runs every hook once. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        toRun.forEach(Runnable::run);
    }

    /** Fails {@code future} with a {@link CancellationException} when cancelled. */
    public <T> CompletableFuture<T> guard(CompletableFuture<T> future) {
        onCancel(() -> future.completeExceptionally(new CancellationException("cancelled")));
        return future;
    }

    /** Throws a {@link CancellationException} when cancelled: a check between steps. */
    public void check() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    private void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled) {
                hooks.add(hook);
                return;
            }
        }
        hook.run();
    }
}
