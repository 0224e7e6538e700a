package io.reelflow.operators.render.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits that a cancelled render must sit out: a helper still inside FFmpeg or painting a canvas
 * must finish before what it uses is closed, or native memory is freed under it. The interrupt is
 * kept for the caller.
 */
final class Threads {
    private Threads() {}

    /** Joins {@code thread} even when interrupted, then restores the interrupt. */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The result of {@code future}, waited for even when interrupted (the interrupt is kept). */
    static <T> T getUninterruptibly(Future<T> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
