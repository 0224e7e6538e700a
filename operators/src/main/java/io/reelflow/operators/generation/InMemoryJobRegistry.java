package io.reelflow.operators.generation;

import io.reelflow.operators.port.JobRegistry;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.RegisteredJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link JobRegistry} in this JVM's memory: retries within the JVM resume their jobs, but a
 * restart forgets them. For tests and single-process runs; a cluster uses the PostgreSQL registry.
 */
public final class InMemoryJobRegistry implements JobRegistry {
    private final Map<String, RegisteredJob> jobs = new HashMap<>();
    private final Clock clock;

    public InMemoryJobRegistry() {
        this(Clock.systemUTC());
    }

    public InMemoryJobRegistry(Clock clock) {
        this.clock = clock;
    }

    /** A factory whose registries share one map per JVM, as a database would. */
    public static JobRegistryFactory sharedFactory() {
        return () -> Shared.INSTANCE;
    }

    @Override
    public synchronized Optional<RegisteredJob> claim(
            String contentKey, String owner, Duration staleAfter) {
        RegisteredJob current = jobs.get(contentKey);
        Instant now = clock.instant();
        boolean free =
                current == null
                        || (!current.submitted()
                                && (current.owner().equals(owner)
                                        || current.updatedAt().plus(staleAfter).isBefore(now)));
        if (free) {
            jobs.put(contentKey, new RegisteredJob(contentKey, null, null, owner, now));
            return Optional.empty();
        }
        return Optional.of(current);
    }

    @Override
    public synchronized Optional<RegisteredJob> find(String contentKey) {
        return Optional.ofNullable(jobs.get(contentKey));
    }

    @Override
    public synchronized void submitted(String contentKey, String endpoint, String jobId) {
        RegisteredJob claim = jobs.get(contentKey);
        String owner = claim == null ? null : claim.owner();
        jobs.put(
                contentKey, new RegisteredJob(contentKey, endpoint, jobId, owner, clock.instant()));
    }

    @Override
    public synchronized void release(String contentKey) {
        jobs.remove(contentKey);
    }

    /** Keys registered or claimed. */
    public synchronized int size() {
        return jobs.size();
    }

    @Override
    public void close() {}

    private static final class Shared {
        static final InMemoryJobRegistry INSTANCE = new InMemoryJobRegistry();
    }
}
