package io.reelflow.operators.generation.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The job slots of one endpoint, as an asynchronous semaphore: waiting for a slot is a queued
 * future, not a blocked thread, so thousands of scenes can wait while the async operator's capacity
 * provides the backpressure. Slots are handed to waiters in arrival order.
 */
public final class AsyncSlots {
    private final int slots;
    private final Deque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
    private int used;

    public AsyncSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive, was " + slots);
        }
        this.slots = slots;
    }

    /** A permit now, or once one is released; cancel the future to stop waiting. */
    public CompletableFuture<Permit> acquire() {
        CompletableFuture<Permit> waiter;
        synchronized (this) {
            if (used < slots) {
                used++;
                return CompletableFuture.completedFuture(new Permit());
            }
            waiter = new CompletableFuture<>();
            waiting.add(waiter);
        }
        // A waiter that gave up must not keep its place.
        waiter.whenComplete((permit, failure) -> forget(waiter, failure));
        return waiter;
    }

    public synchronized int slots() {
        return slots;
    }

    public synchronized int inUse() {
        return used;
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    private synchronized void forget(CompletableFuture<Permit> waiter, Throwable failure) {
        if (failure != null) {
            waiting.remove(waiter);
        }
    }

    /** Hands the slot to the next live waiter, or frees it. */
    private void handOver() {
        while (true) {
            CompletableFuture<Permit> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    used--;
                    return;
                }
            }
            if (next.complete(new Permit())) {
                return;
            }
        }
    }

    /** One slot; closing it (any number of times) gives it back once. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                handOver();
            }
        }
    }
}
