package io.reelflow.connectors.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP plumbing every model-server adapter (generation and speech) shares: one asynchronous JDK
 * client per endpoint (no thread per job), the bearer token on calls to the endpoint's own origin
 * only, a timeout per call, JSON both ways, status mapping to {@link GenerationException}, and
 * size-limited downloads that land in the target only when complete.
 */
public final class SidecarHttp<S extends HttpEndpoint> implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** JSON answers (jobs, histories, errors) are small; images in base64 get their own limit. */
    public static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final S settings;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Clock clock;

    public SidecarHttp(S settings) {
        this(settings, Clock.systemUTC());
    }

    SidecarHttp(S settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        int number = CLIENTS.incrementAndGet();
        // Own daemon threads, shut down on close; they only run callbacks, never wait for a job.
        this.executor =
                Executors.newCachedThreadPool(
                        runnable -> {
                            Thread thread =
                                    new Thread(
                                            runnable,
                                            "reelflow-sidecar-" + settings.name() + "-" + number);
                            thread.setDaemon(true);
                            return thread;
                        });
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(settings.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(executor)
                        .build();
    }

    public S settings() {
        return settings;
    }

    /** {@code path} (with its query) resolved against the endpoint's base URI. */
    public URI resolve(String path) {
        String base = settings.baseUri().toString();
        return URI.create(
                (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** How a call is named in messages: the endpoint, the method and the path, never a token. */
    public String describe(String method, URI uri) {
        return "endpoint '" + settings.name() + "' " + method + " " + uri.getRawPath();
    }

    /**
     * Sends the request with the request timeout and returns the answer whatever its status; fails
     * only when there is no answer ({@link HttpFailures#forTransport}).
     */
    public CompletableFuture<HttpResponse<byte[]>> send(
            HttpRequest.Builder request, long maxBytes) {
        HttpRequest built;
        try {
            built = authorize(request).timeout(settings.requestTimeout()).build();
        } catch (GenerationException e) {
            return CompletableFuture.failedFuture(e);
        }
        String what = describe(built.method(), built.uri());
        return http.sendAsync(built, info -> LimitedBodies.bytes(maxBytes))
                .exceptionallyCompose(
                        failure ->
                                CompletableFuture.failedFuture(tooLargeOrTransport(failure, what)));
    }

    /** Sends the request and reads a 2xx answer as JSON; any other status fails the call. */
    public CompletableFuture<JsonNode> json(HttpRequest.Builder request) {
        return send(request, MAX_JSON_BYTES).thenApply(this::requireJson);
    }

    /**
     * Completes when {@code path} answers 2xx, whatever the body: vLLM answers {@code /health} with
     * an empty 200, vLLM-Omni with JSON, ComfyUI's {@code /system_stats} with JSON.
     */
    public CompletableFuture<Void> expectOk(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET(), MAX_JSON_BYTES)
                .thenApply(
                        response -> {
                            if (response.statusCode() / 100 != 2) {
                                throw new CompletionException(failure(response));
                            }
                            return null;
                        });
    }

    /** The answer's JSON when its status is 2xx, else the status's exception. */
    public JsonNode requireJson(HttpResponse<byte[]> response) {
        String what = describe(response.request().method(), response.request().uri());
        if (response.statusCode() / 100 != 2) {
            throw new CompletionException(failure(response));
        }
        return parse(response.body(), what);
    }

    /** The status's exception for a non-2xx answer. */
    public GenerationException failure(HttpResponse<byte[]> response) {
        return HttpFailures.forStatus(
                response.statusCode(),
                response.headers(),
                response.body(),
                describe(response.request().method(), response.request().uri()),
                clock);
    }

    /** The body as JSON, or a {@link Cause#PROTOCOL} failure. */
    public static JsonNode parse(byte[] body, String what) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new IOException("empty body");
            }
            return json;
        } catch (IOException e) {
            throw new CompletionException(
                    new GenerationException(
                            what + " answered something that is not JSON: " + e.getMessage(),
                            Cause.PROTOCOL,
                            null,
                            e));
        }
    }

    /** A JSON request body. */
    public static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write JSON body", e);
        }
    }

    /**
     * Streams {@code uri} into {@code target}: through a temporary file next to it, moved into
     * place when complete, so a broken or oversized transfer never leaves a partial result. The
     * token goes along only when {@code uri} is on the endpoint's own origin (an expiring storage
     * URL must not receive it). A 404 here means the result is gone: {@link Cause#JOB_FAILED}.
     */
    public CompletableFuture<DownloadedMedia> download(URI uri, Path target) {
        return toFile(HttpRequest.newBuilder(uri).GET(), target, true);
    }

    /**
     * Sends {@code request} and streams a 2xx answer's body into {@code target}, as {@link
     * #download} does (temporary file, size limit, the whole call within the download timeout); for
     * synchronous protocols whose answer is the medium itself, such as speech. Any other status
     * fails with its {@link HttpFailures#forStatus} cause.
     */
    public CompletableFuture<DownloadedMedia> toFile(HttpRequest.Builder request, Path target) {
        return toFile(request, target, false);
    }

    private CompletableFuture<DownloadedMedia> toFile(
            HttpRequest.Builder request, Path target, boolean notFoundMeansGone) {
        Path partial;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            partial = Files.createTempFile(parent, target.getFileName().toString(), ".part");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest built;
        try {
            built = authorize(request).timeout(settings.downloadTimeout()).build();
        } catch (GenerationException e) {
            deleteQuietly(partial);
            return CompletableFuture.failedFuture(e);
        }
        String what = describe(built.method(), built.uri());
        return http.sendAsync(
                        built,
                        info ->
                                info.statusCode() / 100 == 2
                                        ? HttpResponse.BodySubscribers.mapping(
                                                LimitedBodies.file(
                                                        partial, settings.maxDownloadBytes()),
                                                bytes -> new byte[0])
                                        // An error body is read for its message only.
                                        : LimitedBodies.bytes(64 * 1024))
                // The request timeout ends at the headers; this bounds the body too.
                .orTimeout(settings.downloadTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle(
                        (response, failure) -> {
                            try {
                                if (failure != null) {
                                    throw tooLargeOrTransport(failure, what);
                                }
                                if (response.statusCode() / 100 != 2) {
                                    throw notFoundMeansGone
                                            ? downloadFailure(response, what)
                                            : HttpFailures.forStatus(
                                                    response.statusCode(),
                                                    response.headers(),
                                                    response.body(),
                                                    what,
                                                    clock);
                                }
                                long bytes = Files.size(partial);
                                if (bytes == 0) {
                                    throw new GenerationException(
                                            what + " sent an empty result", Cause.PROTOCOL);
                                }
                                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                                String type =
                                        response.headers()
                                                .firstValue("Content-Type")
                                                .map(value -> value.split(";")[0].strip())
                                                .orElse("application/octet-stream");
                                return new DownloadedMedia(type, bytes);
                            } catch (GenerationException | IOException e) {
                                throw new CompletionException(e);
                            } finally {
                                deleteQuietly(partial);
                            }
                        });
    }

    private GenerationException downloadFailure(HttpResponse<byte[]> response, String what) {
        byte[] body = response.body();
        if (response.statusCode() == 404) {
            return new GenerationException(
                    what
                            + " answered 404 ("
                            + HttpFailures.errorMessage(body)
                            + "): the result is"
                            + " gone; poll the job, or submit again",
                    Cause.JOB_FAILED);
        }
        return HttpFailures.forStatus(response.statusCode(), response.headers(), body, what, clock);
    }

    /** Adds {@code Authorization} when a token is configured and the call stays on our origin. */
    private HttpRequest.Builder authorize(HttpRequest.Builder request) throws GenerationException {
        URI uri = request.copy().build().uri();
        if (!sameOrigin(uri, settings.baseUri())) {
            return request;
        }
        Optional<String> token;
        try {
            token = settings.token().read();
        } catch (IOException e) {
            // The message names the token's source, never its value.
            throw new GenerationException(
                    "endpoint '" + settings.name() + "': no bearer token: " + e.getMessage(),
                    Cause.REFUSED);
        }
        token.ifPresent(value -> request.setHeader("Authorization", "Bearer " + value));
        return request;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static GenerationException tooLargeOrTransport(Throwable failure, String what) {
        Throwable cause = HttpFailures.unwrap(failure);
        if (cause instanceof LimitedBodies.TooLargeException) {
            return new GenerationException(
                    what + ": " + cause.getMessage(), Cause.PROTOCOL, null, cause);
        }
        return HttpFailures.forTransport(cause, what);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort
        }
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
}
