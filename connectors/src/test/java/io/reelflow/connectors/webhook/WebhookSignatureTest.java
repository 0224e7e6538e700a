package io.reelflow.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebhookSignature}. */
class WebhookSignatureTest {
    // GitHub's example secret and payload for X-Hub-Signature-256 (docs: "Validating webhook
    // deliveries"), whose HMAC is 757107ea…3e17.
    private static final byte[] SECRET =
            "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldMatchAKnownVectorOfTimestampDotBody() {
        // printf '1700000000.Hello, World!' | openssl dgst -sha256 -hmac "It's a Secret to
        // Everybody"
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo(
                        "sha256=76c83fd0acdf22faed320674fe8e04d528cfe8a17905e720a9611e40677c03b7");
    }

    @Test
    void shouldBeWhatAReceiverComputesWithJavaxCrypto() {
        // The receiver's own HMAC agrees with GitHub's published value, then with ours.
        assertThat(WebhookReceiver.hmacHex(SECRET, "", BODY))
                .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        assertThat(WebhookSignature.sign(SECRET, 42L, BODY))
                .isEqualTo("sha256=" + WebhookReceiver.hmacHex(SECRET, "42.", BODY));
    }

    @Test
    void shouldChangeWithTheTimestampTheBodyAndTheSecret() {
        String signature = WebhookSignature.sign(SECRET, 1L, BODY);

        assertThat(WebhookSignature.sign(SECRET, 2L, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, 1L, "Hello, World?".getBytes()))
                .isNotEqualTo(signature);
        assertThat(WebhookSignature.sign("other".getBytes(), 1L, BODY)).isNotEqualTo(signature);
    }
}
