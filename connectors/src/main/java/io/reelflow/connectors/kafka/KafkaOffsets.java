package io.reelflow.connectors.kafka;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a Kafka source starts or stops reading: the group's committed offsets (earliest when none),
 * the earliest or latest offsets, or the first record at or after a timestamp.
 *
 * <p>{@code KafkaOffsets.timestamp(Instant.parse("2025-01-01T00:00:00Z"))}
 */
public final class KafkaOffsets implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the position is found. */
    public enum Kind {
        COMMITTED_OR_EARLIEST,
        EARLIEST,
        LATEST,
        TIMESTAMP
    }

    private final Kind kind;
    private final Instant timestamp;

    private KafkaOffsets(Kind kind, Instant timestamp) {
        this.kind = kind;
        this.timestamp = timestamp;
    }

    /**
     * The consumer group's committed offsets; partitions without a commit start at the earliest.
     */
    public static KafkaOffsets committedOrEarliest() {
        return new KafkaOffsets(Kind.COMMITTED_OR_EARLIEST, null);
    }

    public static KafkaOffsets earliest() {
        return new KafkaOffsets(Kind.EARLIEST, null);
    }

    /**
     * The offsets of the next record to be written when the job starts (or, as a stop, the end).
     */
    public static KafkaOffsets latest() {
        return new KafkaOffsets(Kind.LATEST, null);
    }

    /** The first record whose timestamp is at or after {@code timestamp}. */
    public static KafkaOffsets timestamp(Instant timestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.toEpochMilli() < 0) {
            throw new IllegalArgumentException(
                    "Kafka offsets timestamp must not be before 1970: " + timestamp);
        }
        return new KafkaOffsets(Kind.TIMESTAMP, timestamp);
    }

    public Kind kind() {
        return kind;
    }

    /** The timestamp of a {@link Kind#TIMESTAMP} position, else null. */
    public Instant timestampOrNull() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaOffsets other
                && kind == other.kind
                && Objects.equals(timestamp, other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, timestamp);
    }

    @Override
    public String toString() {
        return kind == Kind.TIMESTAMP ? "TIMESTAMP(" + timestamp + ")" : kind.name();
    }
}
