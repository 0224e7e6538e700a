package io.reelflow.operators.common;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a piece of blocking work may still finish, shared by the work and whoever gives up on it
 * (the async timeout). Work checks {@link #throwIfCancelled()} between its steps and calls {@link
 * #commit()} once before its result takes effect; exactly one of cancel and commit wins, so a
 * timed-out input never also gets the work's result, and committed work is never cancelled.
 *
 * <pre>{@code
 * for (Frame frame : frames) {
 *     cancellation.throwIfCancelled();
 *     encode(frame);
 * }
 * cancellation.commit(); // from here on, the result is the output
 * }</pre>
 */
public final class Cancellation {
    private static final int RUNNING = 0;
    private static final int CANCELLED = 1;
    private static final int COMMITTED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);

    /** A fresh token that nothing cancels unless it is handed on. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /**
     * Cancels the work unless it has committed.
     *
     * @return true when the work is cancelled (now or before), false when it has committed
     */
    public boolean cancel() {
        return state.compareAndSet(RUNNING, CANCELLED) || state.get() == CANCELLED;
    }

    public boolean isCancelled() {
        return state.get() == CANCELLED;
    }

    /** Stops the work at a step boundary once it is cancelled. */
    public void throwIfCancelled() throws CancelledException {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * Makes the work's result final: no cancel succeeds afterwards.
     *
     * @throws CancelledException when it was cancelled first; the work must undo what it did
     */
    public void commit() throws CancelledException {
        if (!state.compareAndSet(RUNNING, COMMITTED) && state.get() != COMMITTED) {
            throw new CancelledException();
        }
    }
}
