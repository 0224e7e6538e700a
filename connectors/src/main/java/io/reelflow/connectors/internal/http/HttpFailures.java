package io.reelflow.connectors.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns HTTP statuses and transport errors into {@link GenerationException}s with the cause that
 * decides what happens next, and reads the servers' error bodies and {@code Retry-After}.
 */
public final class HttpFailures {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Enough of an error body for a useful message. */
    private static final int MAX_MESSAGE_CHARS = 500;

    private HttpFailures() {}

    /**
     * The exception for a non-2xx answer: 429 and 503 are {@link Cause#OVERLOADED} with the
     * server's {@code Retry-After}, 408 and 504 {@link Cause#TIMEOUT}, other 5xx {@link
     * Cause#SERVER_ERROR}, other 4xx {@link Cause#REFUSED}.
     *
     * @param what the call, e.g. {@code endpoint 'wan' POST /v1/videos}
     */
    public static GenerationException forStatus(
            int status, HttpHeaders headers, byte[] body, String what, Clock clock) {
        String message = what + " answered " + status + ": " + errorMessage(body);
        return switch (status) {
            case 429, 503 ->
                    new GenerationException(
                            message,
                            Cause.OVERLOADED,
                            retryAfter(headers, clock).orElse(null),
                            null);
            case 408, 504 -> new GenerationException(message, Cause.TIMEOUT);
            default ->
                    new GenerationException(
                            message, status >= 500 ? Cause.SERVER_ERROR : Cause.REFUSED);
        };
    }

    /**
     * How long the server asked to wait: {@code retry-after-ms} (OpenAI's), else {@code
     * Retry-After} as delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). A date in the past
     * is no wait.
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(
                        Duration.ofMillis(
                                Math.max(0, (long) Double.parseDouble(millis.get().strip()))));
            } catch (NumberFormatException e) {
                // fall back to Retry-After
            }
        }
        return headers.firstValue("Retry-After").flatMap(value -> parseRetryAfter(value, clock));
    }

    static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String trimmed = value.strip();
        if (trimmed.matches("\\d+(\\.\\d+)?")) {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(trimmed) * 1000)));
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The exception for a call that got no answer: a timeout is {@link Cause#TIMEOUT}, a refused or
     * broken connection {@link Cause#UNREACHABLE}; a {@link GenerationException} passes through.
     */
    public static GenerationException forTransport(Throwable failure, String what) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GenerationException generation) {
            return generation;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new GenerationException(
                    what + ": no connection in time", Cause.UNREACHABLE, null, cause);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new GenerationException(
                    what + ": no answer in time", Cause.TIMEOUT, null, cause);
        }
        if (cause instanceof ConnectException) {
            return new GenerationException(
                    what + ": connection refused", Cause.UNREACHABLE, null, cause);
        }
        if (cause instanceof IOException) {
            return new GenerationException(
                    what + " failed: " + cause, Cause.UNREACHABLE, null, cause);
        }
        return new GenerationException(what + " failed: " + cause, Cause.PROTOCOL, null, cause);
    }

    /** The cause inside the wrappers that futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * The message in an error body, whichever server sent it: {@code {"error": {"message"}}}
     * (OpenAI, vLLM), {@code {"error": "..."}} (vLLM's auth), {@code {"detail": "..."}} or a
     * validation list (FastAPI, SGLang), ComfyUI's {@code {"error": {"message", "details"},
     * "node_errors"}}; else the text itself, shortened.
     */
    public static String errorMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject()) {
                JsonNode error = json.path("error");
                if (error.isTextual()) {
                    return shorten(error.asText());
                }
                if (error.path("message").isTextual()) {
                    String details = error.path("details").asText("");
                    String nodeErrors =
                            json.path("node_errors").isObject()
                                            && !json.get("node_errors").isEmpty()
                                    ? " node_errors=" + json.get("node_errors")
                                    : "";
                    return shorten(
                            error.get("message").asText()
                                    + (details.isEmpty() ? "" : ": " + details)
                                    + nodeErrors);
                }
                JsonNode detail = json.path("detail");
                if (detail.isTextual()) {
                    return shorten(detail.asText());
                }
                if (!detail.isMissingNode()) {
                    return shorten(detail.toString());
                }
            }
        } catch (IOException e) {
            // not JSON: the text is the message
        }
        return shorten(text);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE_CHARS
                ? text
                : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
