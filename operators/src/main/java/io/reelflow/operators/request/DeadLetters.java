package io.reelflow.operators.request;

import io.reelflow.schemas.Admission;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.text.CleanText;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * Makes the dead letter of a refused record small enough for any Kafka record limit: it carries the
 * first bytes of the value, its size and SHA-256, and where the whole value is stored when it is
 * longer than that prefix.
 */
public final class DeadLetters {
    /** Object store folder of refused values, keyed by their SHA-256 (stored once per content). */
    public static final String KEY_PREFIX = "dead-letters/";

    /** Longest reason a dead letter carries. */
    static final int MAX_REASON_CHARS = 1_000;

    /** Longest Kafka key a dead letter or admission carries. */
    static final int MAX_KEY_CHARS = 256;

    private DeadLetters() {}

    /**
     * The refusal of a raw record, with its whole value attached (the dead letter gets its prefix
     * later, the object store the rest): for any stage that parses Kafka records.
     *
     * @param requestId the id the dead letter is filed under, or null when none is readable
     */
    public static Admission refused(
            RawRequest raw, String requestId, String stage, String reason, Instant now) {
        byte[] payload = RequestValidator.bytesOf(raw.getPayload());
        return refused(admissionOf(raw, payload, now), payload, requestId, stage, reason, now);
    }

    /**
     * The refusal on an admission already begun from the record ({@link #admissionOf}): its hash is
     * not taken twice, and what the record told so far (the callback URL of a parsed request) is
     * kept.
     */
    static Admission refused(
            Admission.Builder admission,
            byte[] payload,
            String requestId,
            String stage,
            String reason,
            Instant now) {
        return admission
                .setRequestId(requestId)
                .setDeadLetter(
                        DeadLetter.newBuilder()
                                .setReason(CleanText.forSink(reason, MAX_REASON_CHARS))
                                .setStage(stage)
                                .setRequestId(requestId)
                                .setSourceTopic(admission.getSourceTopic())
                                .setSourcePartition(admission.getSourcePartition())
                                .setSourceOffset(admission.getSourceOffset())
                                .setKey(admission.getKey())
                                .setPayload(null)
                                .setAt(now)
                                .build())
                .setPayload(ByteBuffer.wrap(payload))
                .build();
    }

    static Admission.Builder admissionOf(RawRequest raw, byte[] payload, Instant now) {
        return Admission.newBuilder()
                .setPayloadSha256(RequestValidator.sha256(payload))
                .setSourceTopic(raw.getTopic())
                .setSourcePartition(raw.getPartition())
                .setSourceOffset(raw.getOffset())
                .setKey(CleanText.forSink(raw.getKey(), MAX_KEY_CHARS))
                .setReceivedAt(now);
    }

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
