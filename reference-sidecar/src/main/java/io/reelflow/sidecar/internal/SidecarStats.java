package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.SubmissionKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters behind {@code GET /stats}, and submissions per content key. Thread-safe. */
public final class SidecarStats {

    private final Map<String, AtomicLong> submissionsByKey = new ConcurrentHashMap<>();
    private final Map<String, SubmissionKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSubmitted = new ConcurrentHashMap<>();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong rejectedBusy = new AtomicLong();
    private final AtomicLong injectedFailures = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong lostAtRestart = new AtomicLong();

    /** A job accepted for {@code key}. */
    public void submitted(SubmissionKey key) {
        String hash = key.hash();
        keys.putIfAbsent(hash, key);
        firstSubmitted.putIfAbsent(hash, Instant.now());
        submissionsByKey.computeIfAbsent(hash, k -> new AtomicLong()).incrementAndGet();
        submissions.incrementAndGet();
    }

    public long submissions(String keyHash) {
        AtomicLong count = submissionsByKey.get(keyHash);
        return count == null ? 0 : count.get();
    }

    public Map<String, Long> submissionsByKey() {
        Map<String, Long> copy = new TreeMap<>();
        submissionsByKey.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** When each key was first submitted: lets tests order the server's work against events. */
    public Map<SubmissionKey, Instant> firstSubmissions() {
        Map<SubmissionKey, Instant> copy = new HashMap<>();
        firstSubmitted.forEach((hash, at) -> copy.put(keys.get(hash), at));
        return copy;
    }

    public void jobCompleted() {
        completed.incrementAndGet();
    }

    public void jobFailed() {
        failed.incrementAndGet();
    }

    public void jobCancelled() {
        cancelled.incrementAndGet();
    }

    public void rejectedBusy() {
        rejectedBusy.incrementAndGet();
    }

    public void injectedFailure() {
        injectedFailures.incrementAndGet();
    }

    public void unauthorized() {
        unauthorized.incrementAndGet();
    }

    public void lostAtRestart(int jobs) {
        lostAtRestart.addAndGet(jobs);
    }

    /** The counters, the runner's load, and per key the count and the fields it was made of. */
    public Map<String, Object> snapshot(int running, int queued) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("submissions", submissions.get());
        stats.put("completed", completed.get());
        stats.put("failed", failed.get());
        stats.put("cancelled", cancelled.get());
        stats.put("rejectedBusy", rejectedBusy.get());
        stats.put("injectedFailures", injectedFailures.get());
        stats.put("unauthorized", unauthorized.get());
        stats.put("lostAtRestart", lostAtRestart.get());
        stats.put("running", running);
        stats.put("queued", queued);
        Map<String, Object> perKey = new TreeMap<>();
        submissionsByKey.forEach(
                (hash, count) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("count", count.get());
                    entry.put("fields", keys.get(hash));
                    entry.put("firstAt", String.valueOf(firstSubmitted.get(hash)));
                    perKey.put(hash, entry);
                });
        stats.put("byContentKey", perKey);
        return stats;
    }
}
