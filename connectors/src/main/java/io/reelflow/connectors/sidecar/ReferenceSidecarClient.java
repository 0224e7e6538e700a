package io.reelflow.connectors.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.operators.port.GeneratedClip;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link GenerationClient} for the reference sidecar protocol: {@code POST /v1/generate} with the
 * request as JSON, answered by the MP4 itself ({@code video/mp4}) plus the headers {@code
 * X-Reelflow-Generator} and {@code X-Reelflow-Duration-Seconds}; a 400 carries {@code {"error":
 * "..."}}. Overload (429), server errors (5xx), refused connections and timeouts are retryable.
 * Blocking: call it from the async operator's executor.
 */
public final class ReferenceSidecarClient implements GenerationClient {
    public static final String GENERATOR_HEADER = "X-Reelflow-Generator";
    public static final String DURATION_HEADER = "X-Reelflow-Duration-Seconds";
    static final String MP4 = "video/mp4";

    /** Enough of an error body for a useful message, without reading a runaway response. */
    private static final int MAX_ERROR_BYTES = 4_096;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final SidecarSettings settings;
    private final ExecutorService executor;
    private final HttpClient http;

    public ReferenceSidecarClient(SidecarSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        int clientNumber = CLIENTS.incrementAndGet();
        // Own daemon threads, shut down on close: the JDK client's default pool outlives us.
        this.executor =
                Executors.newCachedThreadPool(
                        runnable -> {
                            Thread thread =
                                    new Thread(runnable, "reelflow-sidecar-http-" + clientNumber);
                            thread.setDaemon(true);
                            return thread;
                        });
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(executor)
                        .build();
    }

    /** A serializable factory that opens a new client inside each task. */
    public static GenerationClientFactory factory(SidecarSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return () -> new ReferenceSidecarClient(settings);
    }

    @Override
    public GeneratedClip generate(GenerationRequest request, Path target)
            throws IOException, GenerationException {
        String model =
                request.model() == null || request.model().isBlank()
                        ? settings.model()
                        : request.model();
        HttpRequest httpRequest =
                HttpRequest.newBuilder(settings.generateUri())
                        .timeout(settings.requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("Accept", MP4 + ", application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(requestJson(request, model)))
                        .build();
        HttpResponse<InputStream> response = send(httpRequest);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 200) {
                return receiveClip(response, body, request, model, target);
            }
            String error = errorText(body);
            throw new GenerationException(
                    "Sidecar " + settings.generateUri() + " answered " + status + ": " + error,
                    isRetryable(status));
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request)
            throws GenerationException, InterruptedIOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new GenerationException(
                    "Sidecar " + request.uri() + " did not answer within " + timeoutOf(e), true, e);
        } catch (ConnectException e) {
            throw new GenerationException(
                    "Sidecar " + request.uri() + " refused the connection: " + e, true, e);
        } catch (IOException e) {
            throw new GenerationException("Sidecar " + request.uri() + " failed: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted =
                    new InterruptedIOException("Interrupted while calling " + request.uri());
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private String timeoutOf(HttpTimeoutException e) {
        return e.getMessage() != null && e.getMessage().contains("connect")
                ? settings.connectTimeout() + " (connect)"
                : settings.requestTimeout().toString();
    }

    private GeneratedClip receiveClip(
            HttpResponse<InputStream> response,
            InputStream body,
            GenerationRequest request,
            String model,
            Path target)
            throws IOException, GenerationException {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith(MP4)) {
            throw new GenerationException(
                    "Sidecar " + settings.generateUri() + " sent " + contentType + ", not " + MP4,
                    false);
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Stream next to the target and move into place: a broken transfer leaves no partial clip.
        Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".part");
        try {
            long bytes;
            try {
                bytes = Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new GenerationException(
                        "Clip transfer from " + settings.generateUri() + " broke off: " + e,
                        true,
                        e);
            }
            if (bytes == 0) {
                throw new GenerationException(
                        "Sidecar " + settings.generateUri() + " sent an empty clip", false);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        String generator =
                response.headers()
                        .firstValue(GENERATOR_HEADER)
                        .filter(value -> !value.isBlank())
                        .orElse(model);
        double duration =
                response.headers()
                        .firstValue(DURATION_HEADER)
                        .map(ReferenceSidecarClient::parseDuration)
                        .filter(seconds -> seconds > 0)
                        .orElse(request.durationSeconds());
        return new GeneratedClip(generator, duration);
    }

    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The header's seconds, or -1 when it is not a positive number. */
    private static double parseDuration(String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            return Double.isFinite(seconds) && seconds > 0 ? seconds : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static byte[] requestJson(GenerationRequest request, String model) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("model", model);
        json.put("prompt", request.prompt());
        json.put("seed", request.seed());
        json.put("width", request.width());
        json.put("height", request.height());
        json.put("fps", request.fps());
        json.put("durationSeconds", request.durationSeconds());
        return JSON.writeValueAsBytes(json);
    }

    /** The {@code error} field of a JSON error body, else the body as text (shortened). */
    static String errorText(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_ERROR_BYTES);
        } catch (IOException e) {
            return "(no readable body: " + e + ")";
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty body)";
        }
        try {
            JsonNode error = JSON.readTree(text).get("error");
            if (error != null && error.isTextual()) {
                return error.asText();
            }
        } catch (IOException e) {
            // not JSON: the text itself is the best description we have
        }
        return text;
    }

    @Override
    public void close() {
        // From Java 21 the client itself is closeable; on 17 dropping it and its pool is enough.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "ReferenceSidecarClient[" + settings.generateUri() + "]";
    }
}
