package io.reelflow.operators.render.internal;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread has allocated on the heap, where the JVM counts them (HotSpot's {@code
 * com.sun.management.ThreadMXBean}); elsewhere {@link #counted()} is false and {@link #bytes()} 0.
 */
final class ThreadAllocation {

    private final com.sun.management.ThreadMXBean threads;

    private ThreadAllocation(com.sun.management.ThreadMXBean threads) {
        this.threads = threads;
    }

    static ThreadAllocation ofCurrentThread() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled()) {
            return new ThreadAllocation(threads);
        }
        return new ThreadAllocation(null);
    }

    boolean counted() {
        return threads != null;
    }

    long bytes() {
        return threads == null ? 0 : threads.getCurrentThreadAllocatedBytes();
    }
}
