package io.reelflow.operators.dedup;

import io.reelflow.operators.status.StatusEvents;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.SeenRequest;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.text.CleanText;
import java.time.Instant;

/**
 * The rules of deduplication by request id: the first record of an id is admitted; any later one (a
 * producer retry, a re-send) gets a DUPLICATE status that points to the first one's result, and a
 * dead letter too when its content differs, so nothing is dropped silently. A result is never
 * overwritten within its run: running a request again is a replay under a new run id.
 */
public final class FirstSeen {
    public static final String STAGE = "deduplicate";

    private static final int REASON_CHARS = 300;

    private final String runId;

    public FirstSeen(String runId) {
        this.runId = runId;
    }

    /** What state remembers of the first record admitted under an id. */
    public static SeenRequest remember(Admission first) {
        return SeenRequest.newBuilder()
                .setPayloadSha256(first.getPayloadSha256())
                .setReceivedAt(first.getReceivedAt())
                .setSourcePartition(first.getSourcePartition())
                .setSourceOffset(first.getSourceOffset())
                .setAccepted(first.getAccepted() != null)
                .setReason(
                        first.getDeadLetter() == null
                                ? null
                                : CleanText.forSink(
                                        first.getDeadLetter().getReason(), REASON_CHARS))
                .build();
    }

    /** The DUPLICATE status answering {@code later}, a record under an id already seen. */
    public StatusEvent duplicate(SeenRequest first, Admission later, Instant at) {
        StringBuilder message =
                new StringBuilder("duplicate of ")
                        .append(later.getRequestId())
                        .append(", first received at ")
                        .append(first.getReceivedAt())
                        .append(" (partition ")
                        .append(first.getSourcePartition())
                        .append(", offset ")
                        .append(first.getSourceOffset())
                        .append(") and ")
                        .append(first.getAccepted() ? "accepted" : "rejected: " + first.getReason())
                        .append("; its result is (")
                        .append(later.getRequestId())
                        .append(", ")
                        .append(runId)
                        .append(") in video_results and on reelflow.results");
        if (!sameContent(first, later)) {
            message.append("; this record's content differs and was not processed (see")
                    .append(" reelflow.dead-letter)");
        }
        message.append(". To run it again, replay it under a new run id.");
        return StatusEvents.duplicate(later.getRequestId(), runId, message.toString(), at);
    }

    /**
     * The dead letter for a later record whose content differs from the first one's, or null for a
     * retry of the same content (its dead letter, if any, was written the first time).
     */
    public Admission differentContent(SeenRequest first, Admission later, Instant at) {
        if (sameContent(first, later)) {
            return null;
        }
        String ownVerdict =
                later.getDeadLetter() == null
                        ? ""
                        : " (it would also have been rejected: "
                                + later.getDeadLetter().getReason()
                                + ")";
        String reason =
                "requestId "
                        + later.getRequestId()
                        + " was already received at "
                        + first.getReceivedAt()
                        + " (partition "
                        + first.getSourcePartition()
                        + ", offset "
                        + first.getSourceOffset()
                        + ", sha256 "
                        + first.getPayloadSha256()
                        + ") with other content; this record was not processed. Use a new"
                        + " requestId, or replay under a new run id"
                        + ownVerdict;
        DeadLetter letter =
                DeadLetter.newBuilder()
                        .setReason(CleanText.forSink(reason, 1_000))
                        .setStage(STAGE)
                        .setRequestId(later.getRequestId())
                        .setSourceTopic(later.getSourceTopic())
                        .setSourcePartition(later.getSourcePartition())
                        .setSourceOffset(later.getSourceOffset())
                        .setKey(later.getKey())
                        .setAt(at)
                        .build();
        return Admission.newBuilder(later).setAccepted(null).setDeadLetter(letter).build();
    }

    private static boolean sameContent(SeenRequest first, Admission later) {
        return first.getPayloadSha256().equals(later.getPayloadSha256());
    }
}
