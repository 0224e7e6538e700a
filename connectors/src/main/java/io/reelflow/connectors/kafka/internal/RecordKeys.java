package io.reelflow.connectors.kafka.internal;

import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;

/**
 * The Kafka record key of each output type: the request id, so all records of a request land in one
 * partition, in order.
 */
public final class RecordKeys {
    private RecordKeys() {}

    public static String ofResult(VideoResult result) {
        return result.getRequestId();
    }

    public static String ofStatus(StatusEvent status) {
        return status.getRequestId();
    }

    /** The request id when parsing got that far, else the key the rejected record came with. */
    public static String ofDeadLetter(DeadLetter deadLetter) {
        return deadLetter.getRequestId() != null ? deadLetter.getRequestId() : deadLetter.getKey();
    }
}
