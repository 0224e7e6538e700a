package io.reelflow.sidecar.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The jobs a server knows, in memory only, as SGLang, vLLM-Omni and ComfyUI keep theirs: a restart
 * forgets them all.
 */
public final class JobStore {

    private final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();

    /** The next submission number (ComfyUI's queue {@code number}). */
    public long nextNumber() {
        return numbers.getAndIncrement();
    }

    public void put(FakeJob job) {
        jobs.put(job.id(), job);
    }

    /** The job with this id, if it was made by the given origin. */
    public Optional<FakeJob> find(String id, Predicate<FakeJob> origin) {
        FakeJob job = jobs.get(id);
        return job != null && origin.test(job) ? Optional.of(job) : Optional.empty();
    }

    public boolean contains(String id) {
        return jobs.containsKey(id);
    }

    public Optional<FakeJob> remove(String id) {
        return Optional.ofNullable(jobs.remove(id));
    }

    /** Jobs matching the filter, in submission order. */
    public List<FakeJob> list(Predicate<FakeJob> filter) {
        return jobs.values().stream()
                .filter(filter)
                .sorted(Comparator.comparingLong(FakeJob::number))
                .toList();
    }

    /** Forgets every job and returns them, for the caller to stop. */
    public List<FakeJob> clear() {
        List<FakeJob> all = List.copyOf(jobs.values());
        all.forEach(job -> jobs.remove(job.id()));
        return all;
    }
}
