package io.reelflow.connectors.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Tests for {@link HttpFailures}. */
class HttpFailuresTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldMapStatusesToCauses() {
        assertThat(cause(400)).isEqualTo(Cause.REFUSED);
        assertThat(cause(401)).isEqualTo(Cause.REFUSED);
        assertThat(cause(404)).isEqualTo(Cause.REFUSED);
        assertThat(cause(408)).isEqualTo(Cause.TIMEOUT);
        assertThat(cause(429)).isEqualTo(Cause.OVERLOADED);
        assertThat(cause(500)).isEqualTo(Cause.SERVER_ERROR);
        assertThat(cause(503)).isEqualTo(Cause.OVERLOADED);
        assertThat(cause(504)).isEqualTo(Cause.TIMEOUT);
    }

    @Test
    void shouldReadRetryAfterAsSecondsOrHttpDate() {
        assertThat(retryAfter(Map.of("Retry-After", List.of("7"))))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(retryAfter(Map.of("Retry-After", List.of("Sat, 05 Dec 2026 12:01:30 GMT"))))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(retryAfter(Map.of("Retry-After", List.of("Sat, 05 Dec 2026 11:00:00 GMT"))))
                .isZero();
        // OpenAI's own header wins when both are sent.
        assertThat(
                        retryAfter(
                                Map.of(
                                        "retry-after-ms", List.of("1500"),
                                        "Retry-After", List.of("2"))))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldLeaveRetryAfterEmptyWhenAbsentOrUnreadable() {
        GenerationException noHeader = failure(429, Map.of(), "{}");
        GenerationException garbage = failure(503, Map.of("Retry-After", List.of("soon")), "{}");

        assertThat(noHeader.retryAfter()).isEmpty();
        assertThat(garbage.retryAfter()).isEmpty();
        assertThat(garbage.reason()).isEqualTo(Cause.OVERLOADED);
    }

    @Test
    void shouldReadEachServersErrorBody() throws Exception {
        // vLLM server_utils.py http_exception_handler envelope
        assertThat(
                        message(
                                "{\"error\": {\"message\": \"Video not found\", \"type\": \"Not Found\","
                                        + " \"param\": null, \"code\": 404}}"))
                .isEqualTo("Video not found");
        // vLLM AuthenticationMiddleware
        assertThat(message("{\"error\": \"Unauthorized\"}")).isEqualTo("Unauthorized");
        // FastAPI default, as SGLang answers
        assertThat(message("{\"detail\": \"Video not found\"}")).isEqualTo("Video not found");
        assertThat(message("{\"detail\": [{\"loc\": [\"body\", \"size\"], \"msg\": \"bad\"}]}"))
                .contains("\"loc\"");
        assertThat(message("<html>Bad Gateway</html>")).isEqualTo("<html>Bad Gateway</html>");
        assertThat(message("")).isEqualTo("(empty body)");
    }

    @Test
    void shouldKeepComfyNodeErrorsInTheMessage() throws Exception {
        byte[] body;
        try (InputStream in =
                getClass().getResourceAsStream("/generation/comfyui/prompt-400.json")) {
            body = in.readAllBytes();
        }

        String message = HttpFailures.errorMessage(body);

        assertThat(message)
                .startsWith("Prompt outputs failed validation")
                .contains("value_smaller_than_min");
    }

    @Test
    void shouldMapTransportFailures() {
        assertThat(transport(new HttpConnectTimeoutException("connect")))
                .isEqualTo(Cause.UNREACHABLE);
        assertThat(transport(new HttpTimeoutException("request"))).isEqualTo(Cause.TIMEOUT);
        assertThat(transport(new CompletionException(new ConnectException("refused"))))
                .isEqualTo(Cause.UNREACHABLE);
        assertThat(transport(new java.io.IOException("reset"))).isEqualTo(Cause.UNREACHABLE);
    }

    private static Cause cause(int status) {
        return failure(status, Map.of(), "{}").reason();
    }

    private static Duration retryAfter(Map<String, List<String>> headers) {
        return failure(429, headers, "{}").retryAfter().orElseThrow();
    }

    private static GenerationException failure(
            int status, Map<String, List<String>> headers, String body) {
        return HttpFailures.forStatus(
                status,
                HttpHeaders.of(headers, (name, value) -> true),
                body.getBytes(StandardCharsets.UTF_8),
                "endpoint 'x' GET /v1/videos/1",
                CLOCK);
    }

    private static String message(String body) {
        return HttpFailures.errorMessage(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Cause transport(Throwable failure) {
        return HttpFailures.forTransport(failure, "call").reason();
    }
}
