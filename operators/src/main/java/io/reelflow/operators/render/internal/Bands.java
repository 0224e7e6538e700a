package io.reelflow.operators.render.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Shares one frame's pixel work out in horizontal bands: the calling thread and helper threads take
 * bands until none is left, so composing uses the cores the encoder leaves idle. Bands are taken,
 * not assigned, so a helper the OS has not scheduled yet never holds the frame up: the caller then
 * paints its bands itself. One per render, driven by one thread at a time.
 */
public final class Bands implements AutoCloseable {

    /**
     * Bands per thread: small enough that a late helper leaves little for the caller to wait on.
     */
    static final int BANDS_PER_THREAD = 4;

    /** Work split into bands; must only touch the rows of its band. */
    @FunctionalInterface
    public interface Work {
        /**
         * Does band {@code band} of {@code bands}; {@code worker} (0 for the caller, below {@link
         * #threads()}) names the thread, for per-thread buffers.
         */
        void run(int band, int bands, int worker) throws IOException;
    }

    private final Thread[] helpers;
    private volatile Job job;
    private volatile boolean closed;

    private Bands(int threads) {
        helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            int worker = i + 1;
            helpers[i] = new Thread(() -> help(worker), "reelflow-compose-" + worker);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /** Work over {@code threads} threads: the caller and {@code threads - 1} helpers. */
    public static Bands of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        return new Bands(threads);
    }

    public int threads() {
        return helpers.length + 1;
    }

    /** The first row of {@code band} of {@code bands} over {@code rows} rows. */
    public static int firstRow(int band, int bands, int rows) {
        return (int) ((long) rows * band / bands);
    }

    /**
     * Runs {@code work} for every band and returns when all are done.
     *
     * @throws IOException the first failure of a band (unchecked ones are rethrown as they are)
     */
    public void run(Work work) throws IOException {
        if (helpers.length == 0) {
            work.run(0, 1, 0);
            return;
        }
        Job current = new Job(work, threads() * BANDS_PER_THREAD, Thread.currentThread());
        job = current;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        current.take(0);
        boolean interrupted = false;
        // Helpers may still be painting into the caller's canvas: wait even when interrupted.
        while (current.done.get() < current.bands) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        job = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = current.failure;
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        for (Thread helper : helpers) {
            Threads.joinUninterruptibly(helper);
        }
    }

    private void help(int worker) {
        while (!closed) {
            Job current = job;
            if (current == null || !current.take(worker)) {
                LockSupport.park(this);
            }
        }
    }

    /** The bands of one {@link #run}: taken one by one, counted when done. */
    private static final class Job {
        final Work work;
        final int bands;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Work work, int bands, Thread caller) {
            this.work = work;
            this.bands = bands;
            this.caller = caller;
        }

        /** Paints bands until none is left; true when it painted any. */
        boolean take(int worker) {
            boolean tookAny = false;
            int band;
            while ((band = next.getAndIncrement()) < bands) {
                tookAny = true;
                try {
                    if (failure == null) {
                        work.run(band, bands, worker);
                    }
                } catch (Throwable e) {
                    failure = e;
                }
                if (done.incrementAndGet() == bands && worker != 0) {
                    LockSupport.unpark(caller);
                }
            }
            return tookAny;
        }
    }
}
