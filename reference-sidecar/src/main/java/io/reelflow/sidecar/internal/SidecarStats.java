package io.reelflow.sidecar.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters behind {@code GET /admin/stats}. Thread-safe. */
public final class SidecarStats {

    private final AtomicLong generateCalls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong clipsGenerated = new AtomicLong();
    private final AtomicLong injectedFailures = new AtomicLong();
    private final AtomicLong rejectedBusy = new AtomicLong();
    private final AtomicLong invalidRequests = new AtomicLong();

    /** Every request to the generate endpoint, whatever its outcome. */
    public void generateCall() {
        generateCalls.incrementAndGet();
    }

    public void clipGenerated() {
        clipsGenerated.incrementAndGet();
    }

    public void injectedFailure() {
        injectedFailures.incrementAndGet();
        failures.incrementAndGet();
    }

    public void rejectedBusy() {
        rejectedBusy.incrementAndGet();
        failures.incrementAndGet();
    }

    public void invalidRequest() {
        invalidRequests.incrementAndGet();
        failures.incrementAndGet();
    }

    /** A generate call that failed on the server side (encoding error, bug). */
    public void internalFailure() {
        failures.incrementAndGet();
    }

    /** The counters, plus the executor's current load. */
    public Map<String, Object> snapshot(int activeWorkers, int queued) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("generateCalls", generateCalls.get());
        stats.put("failures", failures.get());
        stats.put("clipsGenerated", clipsGenerated.get());
        stats.put("injectedFailures", injectedFailures.get());
        stats.put("rejectedBusy", rejectedBusy.get());
        stats.put("invalidRequests", invalidRequests.get());
        stats.put("activeWorkers", activeWorkers);
        stats.put("queued", queued);
        return stats;
    }
}
