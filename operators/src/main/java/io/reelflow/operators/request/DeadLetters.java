package io.reelflow.operators.request;

import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Makes the dead letter of a refused record small enough for any Kafka record limit: it carries the
 * first bytes of the value, its size and SHA-256, and where the whole value is stored when it is
 * longer than that prefix.
 */
public final class DeadLetters {
    /** Object store folder of refused values, keyed by their SHA-256 (stored once per content). */
    public static final String KEY_PREFIX = "dead-letters/";

    private DeadLetters() {}

    /** Whether the whole value must be stored because the dead letter only carries a prefix. */
    public static boolean needsStoring(Admission admission, int prefixBytes) {
        return admission.getPayload() != null && admission.getPayload().remaining() > prefixBytes;
    }

    /** The object store key of the admission's whole value. */
    public static String storageKey(Admission admission) {
        return KEY_PREFIX + admission.getPayloadSha256();
    }

    /**
     * The admission's dead letter with the payload fields set; {@code payloadUri} is where the
     * whole value was stored, or null.
     */
    public static DeadLetter bounded(Admission admission, int prefixBytes, String payloadUri) {
        byte[] payload = RequestValidator.bytesOf(admission.getPayload());
        return DeadLetter.newBuilder(admission.getDeadLetter())
                .setPayload(
                        ByteBuffer.wrap(
                                Arrays.copyOf(payload, Math.min(payload.length, prefixBytes))))
                .setPayloadSize((long) payload.length)
                .setPayloadSha256(admission.getPayloadSha256())
                .setPayloadUri(payloadUri)
                .build();
    }

    /** The dead letter when the whole value could not be stored: says so in its reason. */
    public static DeadLetter unstored(Admission admission, int prefixBytes, String why) {
        DeadLetter letter = bounded(admission, prefixBytes, null);
        letter.setReason(
                letter.getReason()
                        + " [only the first "
                        + prefixBytes
                        + " bytes are kept: storing the whole value failed: "
                        + io.reelflow.schemas.text.CleanText.forSink(why, 200)
                        + "]");
        return letter;
    }
}
