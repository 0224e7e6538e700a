package io.reelflow.sidecar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.reelflow.sidecar.internal.FaultInjector;
import io.reelflow.sidecar.internal.SidecarStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference sidecar's HTTP server: {@code POST /v1/generate} answers with an MP4 made by {@link
 * ClipSynthesizer}, plus fault injection ({@code /admin/faults}), counters ({@code /admin/stats})
 * and {@code /health}. A test and demo tool, not a model server; every response says so in the
 * {@value #GENERATOR_HEADER} header.
 *
 * <pre>{@code
 * try (ReferenceSidecarServer sidecar = ReferenceSidecarServer.start(SidecarOptions.defaults().withPort(0))) {
 *     URI generate = sidecar.baseUri().resolve("/v1/generate");
 * }
 * }</pre>
 */
public final class ReferenceSidecarServer implements AutoCloseable {

    public static final String GENERATOR_HEADER = "X-Reelflow-Generator";
    public static final String DURATION_HEADER = "X-Reelflow-Duration-Seconds";
    public static final String GENERATOR_DESCRIPTION = "reference (demo, not a model)";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceSidecarServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String RETRY_AFTER_SECONDS = "1";
    // Threads beyond the generate slots, so health and admin calls are served while all are busy.
    private static final int SPARE_HTTP_THREADS = 4;

    private final SidecarOptions options;
    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final ThreadPoolExecutor workers;
    private final ClipSynthesizer synthesizer = new ClipSynthesizer();
    private final FaultInjector faults;
    private final SidecarStats stats = new SidecarStats();
    private final Path workDirectory;
    private final String generator;
    private boolean stopped;

    private ReferenceSidecarServer(SidecarOptions options) throws IOException {
        this.options = options;
        this.generator = "reference-sidecar/" + version() + " (demo generator, not a model)";
        this.faults = new FaultInjector(options.failFirst(), options.latencyMillis());
        this.workDirectory = Files.createTempDirectory("reelflow-sidecar-");
        BlockingQueue<Runnable> queue =
                options.queueCapacity() == 0
                        ? new SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(options.queueCapacity());
        this.workers =
                new ThreadPoolExecutor(
                        options.threads(),
                        options.threads(),
                        0,
                        TimeUnit.MILLISECONDS,
                        queue,
                        namedThreads("reference-sidecar-worker"),
                        new ThreadPoolExecutor.AbortPolicy());
        this.httpExecutor =
                Executors.newFixedThreadPool(
                        options.threads() + options.queueCapacity() + SPARE_HTTP_THREADS,
                        namedThreads("reference-sidecar-http"));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        server.setExecutor(httpExecutor);
        server.createContext("/", guarded(this::notFound));
        server.createContext("/v1/generate", guarded(this::generate));
        server.createContext("/admin/faults", guarded(this::faults));
        server.createContext("/admin/stats", guarded(this::stats));
        server.createContext("/health", guarded(this::health));
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException when the port cannot be bound
     */
    public static ReferenceSidecarServer start(SidecarOptions options) throws IOException {
        ReferenceSidecarServer sidecar = new ReferenceSidecarServer(options);
        try {
            sidecar.server.start();
        } catch (RuntimeException e) {
            sidecar.close();
            throw e;
        }
        LOG.info(
                "Reference sidecar (demo generator, not a model) listening on {} with {} threads",
                sidecar.baseUri(),
                options.threads());
        return sidecar;
    }

    /** The bound port; differs from the options when they asked for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** For example {@code http://127.0.0.1:8090/}. */
    public URI baseUri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The value of the {@value #GENERATOR_HEADER} header. */
    public String generator() {
        return generator;
    }

    public SidecarOptions options() {
        return options;
    }

    /** Stops accepting requests, ends the threads and deletes clips not yet sent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(0);
        workers.shutdownNow();
        httpExecutor.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)
                    || !httpExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Reference sidecar threads still running after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(workDirectory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(workDirectory);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", workDirectory, e);
        }
    }

    private void generate(HttpExchange exchange) throws IOException {
        stats.generateCall();
        if (!exchange.getRequestMethod().equals("POST")) {
            stats.invalidRequest();
            methodNotAllowed(exchange, "POST");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            stats.invalidRequest();
            sendError(exchange, 415, "Content-Type must be application/json");
            return;
        }
        GenerateRequest request;
        try {
            request = GenerateRequest.fromJson(JSON.readTree(readBody(exchange)));
        } catch (JsonProcessingException e) {
            stats.invalidRequest();
            sendError(exchange, 400, "malformed JSON: " + e.getOriginalMessage());
            return;
        } catch (IllegalArgumentException e) {
            stats.invalidRequest();
            sendError(exchange, 400, e.getMessage());
            return;
        } catch (BodyTooLargeException e) {
            stats.invalidRequest();
            sendError(exchange, 413, e.getMessage());
            return;
        }

        Future<Outcome> outcome;
        try {
            outcome = workers.submit(() -> produce(request));
        } catch (RejectedExecutionException e) {
            stats.rejectedBusy();
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            sendError(
                    exchange,
                    429,
                    "busy: "
                            + options.threads()
                            + " clips are being generated and "
                            + options.queueCapacity()
                            + " are waiting; retry later");
            return;
        }
        Outcome result;
        try {
            result = outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.internalFailure();
            sendError(exchange, 503, "sidecar is shutting down");
            return;
        } catch (ExecutionException e) {
            stats.internalFailure();
            LOG.error("Could not generate a clip for {}", request, e.getCause());
            sendError(exchange, 500, "clip generation failed: " + e.getCause());
            return;
        }
        if (result.injectedStatus != 0) {
            stats.injectedFailure();
            sendError(
                    exchange,
                    result.injectedStatus,
                    "injected failure (fault injection of the reference sidecar)");
            return;
        }
        try {
            sendClip(exchange, result.clip);
            stats.clipGenerated();
        } finally {
            Files.deleteIfExists(result.clip.path());
        }
    }

    // Runs on a worker: latency and injected failures occupy a slot, as a slow model would.
    private Outcome produce(GenerateRequest request) throws IOException, InterruptedException {
        long latency = faults.latencyMillis();
        if (latency > 0) {
            Thread.sleep(latency);
        }
        OptionalInt failure = faults.takeFailure();
        if (failure.isPresent()) {
            return new Outcome(null, failure.getAsInt());
        }
        Path target = Files.createTempFile(workDirectory, "clip-", ".mp4");
        try {
            return new Outcome(synthesizer.synthesize(request, target), 0);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private void sendClip(HttpExchange exchange, SynthesizedClip clip) throws IOException {
        long size = Files.size(clip.path());
        exchange.getResponseHeaders().set("Content-Type", "video/mp4");
        exchange.getResponseHeaders().set(DURATION_HEADER, Double.toString(clip.durationSeconds()));
        exchange.sendResponseHeaders(200, size);
        try (OutputStream body = exchange.getResponseBody()) {
            Files.copy(clip.path(), body);
        }
    }

    private void faults(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST")) {
            JsonNode body;
            try {
                body = JSON.readTree(readBody(exchange));
            } catch (JsonProcessingException e) {
                sendError(exchange, 400, "malformed JSON: " + e.getOriginalMessage());
                return;
            } catch (BodyTooLargeException e) {
                sendError(exchange, 413, e.getMessage());
                return;
            }
            if (body == null || !body.isObject()) {
                sendError(exchange, 400, "request body must be a JSON object");
                return;
            }
            try {
                faults.configure(
                        intOrNull(body, "failNextRequests"),
                        intOrNull(body, "failureStatus"),
                        longOrNull(body, "latencyMillis"));
            } catch (IllegalArgumentException e) {
                sendError(exchange, 400, e.getMessage());
                return;
            }
            LOG.info("Fault injection set to {}", faults.snapshot());
        } else if (!method.equals("GET")) {
            methodNotAllowed(exchange, "GET, POST");
            return;
        }
        sendJson(exchange, 200, faults.snapshot());
    }

    private void stats(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            methodNotAllowed(exchange, "GET");
            return;
        }
        sendJson(
                exchange, 200, stats.snapshot(workers.getActiveCount(), workers.getQueue().size()));
    }

    private void health(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            methodNotAllowed(exchange, "GET");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("generator", GENERATOR_DESCRIPTION);
        sendJson(exchange, 200, body);
    }

    private void notFound(HttpExchange exchange) throws IOException {
        sendError(
                exchange,
                404,
                "no such endpoint; use POST /v1/generate, GET|POST /admin/faults,"
                        + " GET /admin/stats, GET /health");
    }

    // Contexts match by prefix; only the exact path is an endpoint.
    private HttpHandler guarded(Endpoint endpoint) {
        return exchange -> {
            try {
                exchange.getResponseHeaders().set(GENERATOR_HEADER, generator);
                String path = exchange.getRequestURI().getPath();
                String context = exchange.getHttpContext().getPath();
                if (!context.equals("/") && !path.equals(context)) {
                    notFound(exchange);
                    return;
                }
                endpoint.handle(exchange);
            } catch (IOException e) {
                LOG.debug("Client went away during {}", exchange.getRequestURI(), e);
            } catch (RuntimeException e) {
                LOG.error("Request {} failed", exchange.getRequestURI(), e);
                if (exchange.getResponseCode() == -1) {
                    sendErrorQuietly(exchange, 500, "internal error: " + e);
                }
            } finally {
                exchange.close();
            }
        };
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new BodyTooLargeException(
                        "request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    private static Integer intOrNull(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return value.asInt();
    }

    private static Long longOrNull(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return value.asLong();
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendError(exchange, 405, "method not allowed; use " + allowed);
    }

    private static void sendError(HttpExchange exchange, int status, String reason)
            throws IOException {
        sendJson(exchange, status, Map.of("error", reason));
    }

    private static void sendErrorQuietly(HttpExchange exchange, int status, String reason) {
        try {
            sendError(exchange, status, reason);
        } catch (IOException e) {
            LOG.debug("Could not send error {} for {}", status, exchange.getRequestURI(), e);
        }
    }

    private static void sendJson(HttpExchange exchange, int status, Object body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in =
                ReferenceSidecarServer.class.getResourceAsStream("sidecar.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** One endpoint's handling; exceptions are logged by {@link #guarded}. */
    @FunctionalInterface
    private interface Endpoint {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** What a worker produced: a clip, or the status of an injected failure. */
    private static final class Outcome {
        final SynthesizedClip clip;
        final int injectedStatus;

        Outcome(SynthesizedClip clip, int injectedStatus) {
            this.clip = clip;
            this.injectedStatus = injectedStatus;
        }
    }

    /** The request body exceeds {@link #MAX_BODY_BYTES}. */
    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }
}
