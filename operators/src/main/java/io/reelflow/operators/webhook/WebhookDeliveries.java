package io.reelflow.operators.webhook;

import io.reelflow.operators.port.Webhook;
import io.reelflow.operators.port.WebhookRefusedException;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.text.CleanText;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The rules of webhook delivery, without I/O: which results are delivered, what is sent, which
 * answers are worth another attempt, and the dead letter of a delivery that failed.
 */
public final class WebhookDeliveries {
    /** The dead letters' {@code stage}. */
    public static final String STAGE = "webhook";

    /** Reasons go into a Kafka record and may be shown to users: bounded. */
    static final int MAX_DETAIL_CHARS = 500;

    private WebhookDeliveries() {}

    /** Whether the result's request asked for it by POST. */
    public static boolean wanted(VideoResult result) {
        return result.getCallbackUrl() != null && !result.getCallbackUrl().isBlank();
    }

    /**
     * The id receivers de-duplicate by: the same for every attempt and every re-delivery of one
     * result (a name-based UUID of request id and run id), different for a replay under another run
     * id. Request ids never contain {@code /}, so no two pairs share a name.
     */
    public static String deliveryId(String requestId, String runId) {
        return UUID.nameUUIDFromBytes((requestId + "/" + runId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * What to POST for {@code result}: its JSON exactly as the results topic carries it.
     *
     * @throws WebhookRefusedException when the callback URL is not an http(s) URL with a host
     */
    public static Webhook webhook(VideoResult result) throws WebhookRefusedException {
        return new Webhook(
                target(result.getCallbackUrl()),
                deliveryId(result.getRequestId(), result.getRunId()),
                RecordJson.toJson(result));
    }

    /** The callback URL, if it is an absolute http or https URL with a host. */
    static URI target(String url) throws WebhookRefusedException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new WebhookRefusedException("callbackUrl is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new WebhookRefusedException(
                    "callbackUrl must be http or https, not "
                            + CleanText.quoted(uri.getScheme(), 20));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new WebhookRefusedException("callbackUrl has no host");
        }
        return uri;
    }

    /** The callback URL's host for messages, never its path or query (which may hold a token). */
    public static String host(String url) {
        try {
            String host = new URI(url.strip()).getHost();
            return host == null ? "?" : CleanText.forSink(host, 255);
        } catch (URISyntaxException e) {
            return "?";
        }
    }

    /**
     * 2xx: delivered. 408, 429 and 5xx: another attempt may succeed. Anything else fails for good:
     * other 4xx say the receiver will not take it, 3xx are redirects, which are not followed (a
     * redirect could lead past the allow-list), and 1xx is no answer to a POST.
     */
    public static WebhookOutcome.State classify(int status) {
        if (status >= 200 && status < 300) {
            return WebhookOutcome.State.DELIVERED;
        }
        if (status == 408 || status == 429 || status >= 500) {
            return WebhookOutcome.State.RETRY;
        }
        return WebhookOutcome.State.FAILED;
    }

    /** What an answer with {@code status} says, for a dead letter. */
    static String describe(int status) {
        if (status >= 300 && status < 400) {
            return "status " + status + " (redirects are not followed)";
        }
        return "status " + status;
    }

    /**
     * The dead letter of a delivery that ended undelivered: the host, the attempts, the last status
     * and why; the result itself is on the results topic and in {@code video_results}.
     */
    public static DeadLetter deadLetter(WebhookOutcome outcome) {
        String reason =
                "webhook to host '"
                        + outcome.host()
                        + "' not delivered after "
                        + outcome.attempts()
                        + (outcome.attempts() == 1 ? " attempt" : " attempts")
                        + " (last status "
                        + (outcome.status() < 0 ? "none" : Integer.toString(outcome.status()))
                        + "): "
                        + outcome.detail()
                        + "; result ("
                        + outcome.requestId()
                        + ", "
                        + outcome.runId()
                        + ")";
        return DeadLetter.newBuilder()
                .setReason(CleanText.forSink(reason, MAX_DETAIL_CHARS * 2))
                .setStage(STAGE)
                .setRequestId(outcome.requestId())
                // Made by the job, not read from a topic: as the sink guard's dead letters.
                .setSourceTopic("")
                .setSourcePartition(-1)
                .setSourceOffset(-1)
                .setKey(outcome.requestId())
                .setAt(Instant.ofEpochMilli(outcome.atMillis()))
                .build();
    }
}
