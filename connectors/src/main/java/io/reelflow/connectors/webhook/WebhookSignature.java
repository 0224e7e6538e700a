package io.reelflow.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, as receivers check it: {@code sha256=} and the lower-case hex
 * HMAC-SHA256, keyed with the shared secret (its UTF-8 bytes), of the timestamp header's value
 * (decimal seconds since the epoch), a full stop, and the exact body bytes. Signing the timestamp
 * lets receivers refuse replays of old deliveries; the scheme is GitHub's {@code
 * X-Hub-Signature-256} with Stripe's timestamp prefix.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Reelflow-Signature";
    public static final String TIMESTAMP_HEADER = "X-Reelflow-Timestamp";
    public static final String DELIVERY_HEADER = "X-Reelflow-Delivery";

    private WebhookSignature() {}

    /** {@code sha256=<hex>} over {@code "<timestamp>." + body}. */
    public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
