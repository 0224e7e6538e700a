package io.reelflow.operators.request;

import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.InvalidRecordException;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which raw records a replay re-processes: those whose timestamp is in {@code [since, until)} and,
 * when ids are named, whose request id is one of them. The id is read as admission reads it (the
 * payload's {@code requestId}, else the record's key), so a count taken before a replay and the
 * replay itself select the same records.
 *
 * <p>{@code RequestSelection.of(Instant.parse("2026-12-01T00:00:00Z"), null, Set.of("a", "b"))}
 */
public final class RequestSelection implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Instant since;
    private final Instant until;
    private final Set<String> ids;

    private RequestSelection(Instant since, Instant until, Set<String> ids) {
        if (since != null && until != null && !until.isAfter(since)) {
            throw new IllegalArgumentException(
                    "until (" + until + ") must be after since (" + since + ")");
        }
        this.since = since;
        this.until = until;
        this.ids = ids;
    }

    /** Every record. */
    public static RequestSelection all() {
        return new RequestSelection(null, null, null);
    }

    /**
     * Records from {@code since} (inclusive, null: from the first) until {@code until} (exclusive,
     * null: to the last), with one of {@code ids} (null: any id; empty: none).
     */
    public static RequestSelection of(Instant since, Instant until, Collection<String> ids) {
        return new RequestSelection(since, until, ids == null ? null : Set.copyOf(ids));
    }

    public Optional<Instant> since() {
        return Optional.ofNullable(since);
    }

    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }

    /** The ids selected; empty when any id is. */
    public Optional<Set<String>> ids() {
        return Optional.ofNullable(ids);
    }

    public boolean isAll() {
        return since == null && until == null && ids == null;
    }

    public boolean selects(RawRequest raw) {
        if (!inRange(raw.getTimestamp())) {
            return false;
        }
        if (ids == null) {
            return true;
        }
        String id = requestIdOf(raw);
        return id != null && ids.contains(id);
    }

    /** Whether a record written at {@code epochMillis} is in the time range. */
    public boolean inRange(long epochMillis) {
        return (since == null || epochMillis >= since.toEpochMilli())
                && (until == null || epochMillis < until.toEpochMilli());
    }

    /**
     * The request id admission would answer {@code raw} under: the payload's, else the key when
     * that is a valid id; null when neither is.
     */
    public static String requestIdOf(RawRequest raw) {
        VideoRequest request = decoded(raw);
        String id = request == null ? null : RequestValidator.validId(request.getRequestId());
        return id != null ? id : RequestValidator.validId(raw.getKey());
    }

    /** The request in {@code raw}'s value, or null when the value is none (admission's to say). */
    public static VideoRequest decoded(RawRequest raw) {
        if (raw.getPayload() == null) {
            return null;
        }
        try {
            return VideoRequestCodec.decode(RequestValidator.bytesOf(raw.getPayload()));
        } catch (InvalidRecordException | RuntimeException e) {
            return null;
        }
    }

    /** For logs and the replay summary: {@code since …, until …, 3 ids}. */
    @Override
    public String toString() {
        if (isAll()) {
            return "every request";
        }
        StringBuilder text = new StringBuilder();
        if (since != null) {
            text.append("since ").append(since);
        }
        if (until != null) {
            text.append(text.length() > 0 ? ", " : "").append("until ").append(until);
        }
        if (ids != null) {
            text.append(text.length() > 0 ? ", " : "")
                    .append(ids.size())
                    .append(ids.size() == 1 ? " id" : " ids");
        }
        return text.toString();
    }
}
