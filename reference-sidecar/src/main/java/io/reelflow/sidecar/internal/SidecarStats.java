package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.SpeechKey;
import io.reelflow.sidecar.SubmissionKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters behind {@code GET /stats}, and submissions per content key (generation jobs and speech
 * apart, so that narration does not change what generation tests count). Thread-safe.
 */
public final class SidecarStats {

    private final PerKey<SubmissionKey> jobs = new PerKey<>();
    private final PerKey<SpeechKey> speech = new PerKey<>();
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong rejectedBusy = new AtomicLong();
    private final AtomicLong injectedFailures = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong lostAtRestart = new AtomicLong();
    private final AtomicLong speechSynthesized = new AtomicLong();
    private final AtomicLong speechFailed = new AtomicLong();
    private final AtomicLong speechUnavailable = new AtomicLong();

    /** A job accepted for {@code key}. */
    public void submitted(SubmissionKey key) {
        jobs.count(key.hash(), key);
        submissions.incrementAndGet();
    }

    public long submissions(String keyHash) {
        return jobs.count(keyHash);
    }

    public Map<String, Long> submissionsByKey() {
        return jobs.counts();
    }

    /** When each key was first submitted: lets tests order the server's work against events. */
    public Map<SubmissionKey, Instant> firstSubmissions() {
        return jobs.firstAt();
    }

    /** A speech request for {@code key} handed to the engine. */
    public void speechSubmitted(SpeechKey key) {
        speech.count(key.hash(), key);
    }

    public long speechSubmissions(String keyHash) {
        return speech.count(keyHash);
    }

    public Map<String, Long> speechSubmissionsByKey() {
        return speech.counts();
    }

    public void speechSynthesized() {
        speechSynthesized.incrementAndGet();
    }

    public void speechFailed() {
        speechFailed.incrementAndGet();
    }

    /** A speech request answered 503 because the engine is missing. */
    public void speechUnavailable() {
        speechUnavailable.incrementAndGet();
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
        stats.put("byContentKey", jobs.snapshot());
        Map<String, Object> spoken = new LinkedHashMap<>();
        spoken.put("submissions", speech.total());
        spoken.put("synthesized", speechSynthesized.get());
        spoken.put("failed", speechFailed.get());
        spoken.put("engineUnavailable", speechUnavailable.get());
        spoken.put("byContentKey", speech.snapshot());
        stats.put("speech", spoken);
        return stats;
    }

    /** Counts per content hash, with the fields of the first submission and when it came. */
    private static final class PerKey<K> {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final Map<String, K> keys = new ConcurrentHashMap<>();
        private final Map<String, Instant> first = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();

        void count(String hash, K key) {
            keys.putIfAbsent(hash, key);
            first.putIfAbsent(hash, Instant.now());
            counts.computeIfAbsent(hash, k -> new AtomicLong()).incrementAndGet();
            total.incrementAndGet();
        }

        long count(String hash) {
            AtomicLong count = counts.get(hash);
            return count == null ? 0 : count.get();
        }

        long total() {
            return total.get();
        }

        Map<String, Long> counts() {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((key, count) -> copy.put(key, count.get()));
            return copy;
        }

        Map<K, Instant> firstAt() {
            Map<K, Instant> copy = new HashMap<>();
            first.forEach((hash, at) -> copy.put(keys.get(hash), at));
            return copy;
        }

        Map<String, Object> snapshot() {
            Map<String, Object> perKey = new TreeMap<>();
            counts.forEach(
                    (hash, count) -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("count", count.get());
                        entry.put("fields", keys.get(hash));
                        entry.put("firstAt", String.valueOf(first.get(hash)));
                        perKey.put(hash, entry);
                    });
            return perKey;
        }
    }
}
