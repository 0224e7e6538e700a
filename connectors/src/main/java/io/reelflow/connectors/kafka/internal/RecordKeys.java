package io.reelflow.connectors.kafka.internal;

import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import org.apache.flink.util.function.SerializableFunction;

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

    /**
     * {@code keyOf}'s key after {@code prefix} (a record without a key keeps none); {@code keyOf}
     * itself when the prefix is empty.
     */
    public static <T> SerializableFunction<T, String> prefixed(
            String prefix, SerializableFunction<T, String> keyOf) {
        if (prefix.isEmpty()) {
            return keyOf;
        }
        return record -> {
            String key = keyOf.apply(record);
            return key == null ? null : prefix + key;
        };
    }

    /** The request id when parsing got that far, else the key the rejected record came with. */
    public static String ofDeadLetter(DeadLetter deadLetter) {
        return deadLetter.getRequestId() != null ? deadLetter.getRequestId() : deadLetter.getKey();
    }
}
