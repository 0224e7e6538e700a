package io.reelflow.operators.request;

import java.io.Serializable;

/**
 * Bounds on what one request may carry or ask for, so no record can stop the job or outlive the
 * render timeout. Immutable; {@link #defaults()} are explained in the root README.
 *
 * @param maxPayloadBytes record values above this are rejected before parsing
 * @param deadLetterPrefixBytes bytes of the value a dead letter carries; the rest goes to S3
 * @param maxWorkPixelFrames seconds × width × height × fps a request may ask for
 */
public record RequestLimits(
        int maxPayloadBytes,
        int deadLetterPrefixBytes,
        int maxAttributes,
        int maxAttributeKeyChars,
        int maxAttributeValueChars,
        int maxStyleChars,
        long maxWorkPixelFrames)
        implements Serializable {

    /** Kafka's default record limit is 1 MB; a dead letter's other fields are a few KB at most. */
    public static final int MAX_DEAD_LETTER_PREFIX_BYTES = 256 * 1024;

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final int DEFAULT_DEAD_LETTER_PREFIX_BYTES = 4 * 1024;

    /**
     * 60 G pixel-frames: the 20-minute render timeout at a quarter of the measured render rate
     * (about 220 M pixel-frames/s for 1080p on 2 cores, benchmarks/README.md), so a render has room
     * for a busy machine. 60 s at 1080p/30 is 3.7 G; 600 s at 2160p/30 is 149 G.
     */
    public static final long DEFAULT_MAX_WORK_PIXEL_FRAMES = 60_000_000_000L;

    public RequestLimits {
        positive("maxPayloadBytes", maxPayloadBytes);
        positive("deadLetterPrefixBytes", deadLetterPrefixBytes);
        positive("maxAttributes", maxAttributes);
        positive("maxAttributeKeyChars", maxAttributeKeyChars);
        positive("maxAttributeValueChars", maxAttributeValueChars);
        positive("maxStyleChars", maxStyleChars);
        positive("maxWorkPixelFrames", maxWorkPixelFrames);
        if (deadLetterPrefixBytes > MAX_DEAD_LETTER_PREFIX_BYTES) {
            throw new IllegalArgumentException(
                    "deadLetterPrefixBytes must be at most "
                            + MAX_DEAD_LETTER_PREFIX_BYTES
                            + " so a dead letter fits Kafka's 1 MB record limit: "
                            + deadLetterPrefixBytes);
        }
    }

    public static RequestLimits defaults() {
        return new RequestLimits(
                DEFAULT_MAX_PAYLOAD_BYTES,
                DEFAULT_DEAD_LETTER_PREFIX_BYTES,
                64,
                64,
                1_024,
                500,
                DEFAULT_MAX_WORK_PIXEL_FRAMES);
    }

    public RequestLimits withMaxPayloadBytes(int value) {
        return new RequestLimits(
                value,
                deadLetterPrefixBytes,
                maxAttributes,
                maxAttributeKeyChars,
                maxAttributeValueChars,
                maxStyleChars,
                maxWorkPixelFrames);
    }

    public RequestLimits withDeadLetterPrefixBytes(int value) {
        return new RequestLimits(
                maxPayloadBytes,
                value,
                maxAttributes,
                maxAttributeKeyChars,
                maxAttributeValueChars,
                maxStyleChars,
                maxWorkPixelFrames);
    }

    public RequestLimits withMaxWorkPixelFrames(long value) {
        return new RequestLimits(
                maxPayloadBytes,
                deadLetterPrefixBytes,
                maxAttributes,
                maxAttributeKeyChars,
                maxAttributeValueChars,
                maxStyleChars,
                value);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
