package io.reelflow.operators.control;

import io.reelflow.schemas.CancelledRequest;
import io.reelflow.schemas.ControlCommand;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the cancelled set: which requests are cancelled, for which run, until when. A CANCEL
 * is kept for {@code ttl} from when the job received it, so a cancel that arrives before its
 * request still catches it, and the set stays bounded. The entries live in the caller's store
 * (Flink broadcast state in the job, a map in tests).
 *
 * <pre>{@code
 * Cancellations rules = new Cancellations(Duration.ofHours(24));
 * rules.record(store, command, now);                       // on the control stream
 * rules.find(store::get, requestId, runId, now).isPresent(); // on the data stream
 * }</pre>
 */
public final class Cancellations implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reads one entry by key (read-only broadcast state offers no more). */
    @FunctionalInterface
    public interface Lookup {
        CancelledRequest get(String key) throws Exception;
    }

    /** The entries, readable and writable (broadcast state on the control stream). */
    public interface Store extends Lookup {
        void put(String key, CancelledRequest value) throws Exception;

        void remove(String key) throws Exception;

        Iterable<Map.Entry<String, CancelledRequest>> entries() throws Exception;
    }

    private final Duration ttl;

    public Cancellations(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cancel TTL must be positive: " + ttl);
        }
        this.ttl = ttl;
    }

    /**
     * The key of a (request, run) pair; a command without a run id has the key of "every run".
     * Request and run ids never contain a line feed.
     */
    static String keyOf(String requestId, String runId) {
        return requestId + "\n" + (runId == null ? "" : runId);
    }

    /** Keeps {@code command} (a later one for the same pair replaces it) and drops expired ones. */
    public void record(Store store, ControlCommand command, Instant now) throws Exception {
        expire(store, now);
        store.put(
                keyOf(command.getRequestId(), command.getRunId()),
                CancelledRequest.newBuilder().setCommand(command).setReceivedAt(now).build());
    }

    /** Removes the entries older than the TTL; returns how many. */
    public int expire(Store store, Instant now) throws Exception {
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, CancelledRequest> entry : store.entries()) {
            if (isExpired(entry.getValue(), now)) {
                expired.add(entry.getKey());
            }
        }
        for (String key : expired) {
            store.remove(key);
        }
        return expired.size();
    }

    /**
     * The unexpired CANCEL of {@code requestId} in run {@code runId}: one for that run, else one
     * for every run.
     */
    public Optional<CancelledRequest> find(
            Lookup lookup, String requestId, String runId, Instant now) throws Exception {
        CancelledRequest forRun = lookup.get(keyOf(requestId, runId));
        if (forRun != null && !isExpired(forRun, now)) {
            return Optional.of(forRun);
        }
        CancelledRequest forAll = lookup.get(keyOf(requestId, null));
        return forAll != null && !isExpired(forAll, now) ? Optional.of(forAll) : Optional.empty();
    }

    /** Whether {@code command} is about {@code runId} (a command without a run is about all). */
    public static boolean appliesTo(ControlCommand command, String runId) {
        return command.getRunId() == null || command.getRunId().equals(runId);
    }

    private boolean isExpired(CancelledRequest entry, Instant now) {
        return !entry.getReceivedAt().plus(ttl).isAfter(now);
    }
}
