package io.reelflow.operators.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.port.Webhook;
import io.reelflow.operators.port.WebhookRefusedException;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link WebhookDeliveries}. */
class WebhookDeliveriesTest {
    private static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");

    private static VideoResult result(String callbackUrl) {
        return VideoResult.newBuilder()
                .setRequestId("req-42")
                .setRunId("live")
                .setStatus(ResultStatus.COMPLETED)
                .setVideoUri("s3://reelflow/videos/live/req-42.mp4")
                .setCompletedAt(AT)
                .setCallbackUrl(callbackUrl)
                .build();
    }

    @Test
    void shouldDeliverOnlyResultsThatNameACallbackUrl() {
        assertThat(WebhookDeliveries.wanted(result("https://hooks.example.com/r"))).isTrue();
        assertThat(WebhookDeliveries.wanted(result(null))).isFalse();
        assertThat(WebhookDeliveries.wanted(result("  "))).isFalse();
    }

    @Test
    void shouldPostTheResultsTopicJsonUnderAStableDeliveryId() throws Exception {
        VideoResult result = result("https://hooks.example.com/r?token=s3cr3t");

        Webhook webhook = WebhookDeliveries.webhook(result);

        assertThat(webhook.body()).isEqualTo(RecordJson.toJson(result));
        assertThat(webhook.target().getHost()).isEqualTo("hooks.example.com");
        assertThat(webhook.deliveryId())
                .isEqualTo(WebhookDeliveries.deliveryId("req-42", "live"))
                .isEqualTo(WebhookDeliveries.webhook(result).deliveryId())
                .isNotEqualTo(WebhookDeliveries.deliveryId("req-42", "replay-1"))
                .isNotEqualTo(WebhookDeliveries.deliveryId("req-43", "live"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://hooks.example.com/r",
                "file:///etc/passwd",
                "hooks.example.com/r",
                "http:///no-host",
                "http://bad host/"
            })
    void shouldRefuseWhatIsNotAnHttpUrlWithAHost(String url) {
        assertThatThrownBy(() -> WebhookDeliveries.webhook(result(url)))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("callbackUrl");
    }

    @ParameterizedTest
    @CsvSource({
        "200, DELIVERED",
        "202, DELIVERED",
        "204, DELIVERED",
        "408, RETRY",
        "429, RETRY",
        "500, RETRY",
        "503, RETRY",
        "400, FAILED",
        "401, FAILED",
        "404, FAILED",
        "410, FAILED",
        "301, FAILED",
        "307, FAILED",
        "101, FAILED"
    })
    void shouldRetryOnlyWhatAnotherAttemptMayChange(int status, WebhookOutcome.State expected) {
        assertThat(WebhookDeliveries.classify(status)).isEqualTo(expected);
    }

    @Test
    void shouldNameTheHostAndLastStatusButNotThePathInTheDeadLetter() {
        String url = "https://hooks.example.com/r?token=s3cr3t";
        WebhookOutcome outcome =
                new WebhookOutcome(
                        "req-42",
                        "live",
                        WebhookDeliveries.host(url),
                        WebhookOutcome.State.FAILED,
                        503,
                        6,
                        "answered status 503; no attempts left",
                        AT.toEpochMilli());

        DeadLetter letter = WebhookDeliveries.deadLetter(outcome);

        assertThat(letter.getStage()).isEqualTo("webhook");
        assertThat(letter.getRequestId()).isEqualTo("req-42");
        assertThat(letter.getKey()).isEqualTo("req-42");
        assertThat(letter.getAt()).isEqualTo(AT);
        assertThat(letter.getSourceTopic()).isEmpty();
        assertThat(letter.getSourceOffset()).isEqualTo(-1);
        assertThat(letter.getReason())
                .isEqualTo(
                        "webhook to host 'hooks.example.com' not delivered after 6 attempts (last"
                                + " status 503): answered status 503; no attempts left; result"
                                + " (req-42, live)")
                .doesNotContain("s3cr3t");
    }
}
