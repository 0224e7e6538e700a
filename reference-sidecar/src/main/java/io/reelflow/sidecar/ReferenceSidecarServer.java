package io.reelflow.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.reelflow.sidecar.internal.ComfyApi;
import io.reelflow.sidecar.internal.Exchanges;
import io.reelflow.sidecar.internal.FakeJob;
import io.reelflow.sidecar.internal.ImagesApi;
import io.reelflow.sidecar.internal.JobRunner;
import io.reelflow.sidecar.internal.JobStore;
import io.reelflow.sidecar.internal.SidecarContext;
import io.reelflow.sidecar.internal.SidecarStats;
import io.reelflow.sidecar.internal.SpeechApi;
import io.reelflow.sidecar.internal.Threads;
import io.reelflow.sidecar.internal.VideoJobsApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference sidecar: faithful fakes of the model servers Reelflow generates on, backed by
 * {@link ClipSynthesizer} (coloured shapes, not a model). One server speaks every protocol at once:
 * OpenAI-compatible video jobs as SGLang (JSON) and vLLM-Omni (multipart) take them, image
 * generations, a ComfyUI subset, and text to speech as Kokoro-FastAPI serves it, spoken for real by
 * espeak-ng ({@link SpeechEngine}); with slots, a job time, fault injection and submission counts
 * per content key for tests. The module README lists routes and knobs.
 *
 * <pre>{@code
 * try (ReferenceSidecarServer sidecar =
 *         ReferenceSidecarServer.start(SidecarOptions.defaults().withPort(0))) {
 *     URI base = sidecar.baseUri(); // e.g. POST base + "v1/videos"
 * }
 * }</pre>
 */
public final class ReferenceSidecarServer implements AutoCloseable {

    /** Sent on every answer, so nobody mistakes the output for a model's. */
    public static final String GENERATOR_HEADER = "X-Reelflow-Generator";

    public static final String GENERATOR_DESCRIPTION = "reference (demo generator, not a model)";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceSidecarServer.class);
    // HTTP threads beyond the slots and queue: image requests wait on a thread for their job.
    private static final int SPARE_HTTP_THREADS = 8;
    // espeak-ng is single-threaded and quick; more processes than cores only queue in the kernel.
    private static final int SPEECH_THREADS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final SidecarOptions options;
    private final HttpServer server;
    private final ExecutorService httpExecutor;
    private final JobRunner runner;
    private final JobStore store = new JobStore();
    private final SidecarStats stats = new SidecarStats();
    private final Faults faults;
    private final Path workDirectory;
    private final String generator;
    private final ImagesApi images;
    private final ComfyApi comfy;
    private final SpeechEngine speechEngine;
    private boolean stopped;

    private ReferenceSidecarServer(SidecarOptions options) throws IOException {
        this.options = options;
        this.generator = "reference-sidecar/" + version() + " (demo generator, not a model)";
        this.faults = new Faults(options.failFirst(), options.jobTime());
        this.workDirectory = Files.createTempDirectory("reelflow-sidecar-");
        this.runner =
                new JobRunner(
                        options.slots(),
                        options.queueCapacity(),
                        faults,
                        new ClipSynthesizer(),
                        workDirectory,
                        stats);
        this.httpExecutor =
                Executors.newFixedThreadPool(
                        options.slots() + options.queueCapacity() + SPARE_HTTP_THREADS,
                        Threads.named("reference-sidecar-http"));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        server.setExecutor(httpExecutor);
        SidecarContext context =
                new SidecarContext(
                        options, runner, store, stats, faults, workDirectory, this::baseUri);
        VideoJobsApi videos = new VideoJobsApi(context);
        this.images = new ImagesApi(context);
        this.comfy = new ComfyApi(context);
        this.speechEngine =
                SpeechEngine.create(
                        options.speechEngine(), SPEECH_THREADS, options.queueCapacity());
        SpeechApi speech = new SpeechApi(context, speechEngine);
        server.createContext("/", guarded(this::notFound, false));
        server.createContext(VideoJobsApi.PATH, guarded(videos::handle, true));
        server.createContext(ImagesApi.PATH, guarded(images::handle, true));
        server.createContext(SpeechApi.PATH, guarded(speech::handle, true));
        for (String path : ComfyApi.PATHS) {
            server.createContext(path, guarded(comfy::handle, true));
            server.createContext("/api" + path, guarded(comfy::handle, true));
        }
        server.createContext("/health", guarded(this::health, false));
        server.createContext("/stats", guarded(this::stats, false));
        server.createContext("/admin/faults", guarded(this::faults, false));
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
                "Reference sidecar (demo generator, not a model) on {}: {} slots, mode {}",
                sidecar.baseUri(),
                options.slots(),
                options.mode().optionValue());
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

    /** The protocol a client should use for the configured mode, e.g. {@code openai-videos}. */
    public String protocol() {
        return options.mode().protocol();
    }

    /** The value of the {@value #GENERATOR_HEADER} header. */
    public String generator() {
        return generator;
    }

    public SidecarOptions options() {
        return options;
    }

    /** Failure injection and job time, changeable while the server runs. */
    public Faults faults() {
        return faults;
    }

    /** Submissions accepted so far for the key (see {@link SubmissionKey}). */
    public long submissions(SubmissionKey key) {
        return stats.submissions(key.hash());
    }

    /** Submissions accepted so far, per {@link SubmissionKey#hash()}. */
    public Map<String, Long> submissionsByKey() {
        return stats.submissionsByKey();
    }

    /** Speech requests handed to the engine so far for the key (see {@link SpeechKey}). */
    public long speechSubmissions(SpeechKey key) {
        return stats.speechSubmissions(key.hash());
    }

    /** Speech requests handed to the engine so far, per {@link SpeechKey#hash()}. */
    public Map<String, Long> speechSubmissionsByKey() {
        return stats.speechSubmissionsByKey();
    }

    /**
     * The engine behind {@code /v1/audio/speech}; {@code speechEngine().status().description()}
     * says which espeak-ng speaks, or why none does and how to install it.
     */
    public SpeechEngine speechEngine() {
        return speechEngine;
    }

    /** When each content key was first submitted. */
    public Map<SubmissionKey, Instant> firstSubmissions() {
        return stats.firstSubmissions();
    }

    /** What {@code GET /stats} answers. */
    public Map<String, Object> stats() {
        return stats.snapshot(runner.running(), runner.queued());
    }

    /**
     * Acts as a restarted server: every job, queued, running or finished, is forgotten (later polls
     * answer 404 or an empty history), results included.
     */
    public void restart() {
        List<FakeJob> forgotten = store.clear();
        forgotten.forEach(runner::cancel);
        images.clear();
        comfy.clear();
        stats.lostAtRestart(forgotten.size());
        LOG.info("Reference sidecar 'restarted': {} jobs forgotten", forgotten.size());
    }

    /** Stops accepting requests, ends the threads and deletes every result. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(0);
        runner.close();
        speechEngine.close();
        httpExecutor.shutdownNow();
        try {
            if (!httpExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Reference sidecar HTTP threads still running after stop");
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

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "healthy");
        body.put("generator", GENERATOR_DESCRIPTION);
        body.put("mode", options.mode().optionValue());
        body.put("protocol", options.mode().protocol());
        Exchanges.sendJson(exchange, 200, body);
    }

    private void stats(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            Exchanges.methodNotAllowed(exchange, "GET");
            return;
        }
        Exchanges.sendJson(exchange, 200, stats());
    }

    /**
     * {@code GET} shows the settings; {@code POST {"failNextCalls", "failureStatus",
     * "retryAfterSeconds", "failNextJobs", "jobMillis", "restart"}} changes those given.
     */
    private void faults(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST")) {
            JsonNode body;
            try {
                body = Exchanges.JSON.readTree(Exchanges.readBody(exchange));
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                Exchanges.sendDetail(exchange, 400, "request body must be a JSON object");
                return;
            }
            try {
                if (body.has("failNextCalls")) {
                    faults.failNextCalls(
                            body.get("failNextCalls").asInt(),
                            body.path("failureStatus").asInt(Faults.DEFAULT_FAILURE_STATUS),
                            body.path("retryAfterSeconds").isNumber()
                                    ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong())
                                    : null);
                }
                if (body.has("failNextJobs")) {
                    faults.failNextJobs(body.get("failNextJobs").asInt());
                }
                if (body.has("jobMillis")) {
                    faults.jobTime(Duration.ofMillis(body.get("jobMillis").asLong()));
                }
            } catch (IllegalArgumentException e) {
                Exchanges.sendDetail(exchange, 400, e.getMessage());
                return;
            }
            if (body.path("restart").asBoolean(false)) {
                restart();
            }
            LOG.info("Fault injection set to {}", faults.snapshot());
        } else if (!method.equals("GET")) {
            Exchanges.methodNotAllowed(exchange, "GET, POST");
            return;
        }
        Exchanges.sendJson(exchange, 200, faults.snapshot());
    }

    private void notFound(HttpExchange exchange) throws IOException {
        Exchanges.sendDetail(exchange, 404, "Not Found");
    }

    /**
     * Wraps an endpoint: the generator header on every answer; for API routes the bearer token and
     * injected failures first. Health, stats and admin stay open, as vLLM leaves {@code /health}.
     */
    private HttpHandler guarded(Endpoint endpoint, boolean api) {
        return exchange -> {
            try {
                exchange.getResponseHeaders().set(GENERATOR_HEADER, generator);
                String path = exchange.getRequestURI().getPath();
                String context = exchange.getHttpContext().getPath();
                // Contexts match by prefix: "/health" must not answer "/healthz".
                if (!context.equals("/")
                        && !path.equals(context)
                        && !path.startsWith(context + "/")) {
                    notFound(exchange);
                    return;
                }
                if (api && !authorized(exchange)) {
                    stats.unauthorized();
                    // vLLM's AuthenticationMiddleware answers exactly this.
                    Exchanges.sendJson(exchange, 401, Map.of("error", "Unauthorized"));
                    return;
                }
                if (api) {
                    var failure = faults.takeCallFailure();
                    if (failure.isPresent()) {
                        stats.injectedFailure();
                        if (failure.get().retryAfter() != null) {
                            exchange.getResponseHeaders()
                                    .set(
                                            "Retry-After",
                                            Long.toString(failure.get().retryAfter().toSeconds()));
                        }
                        Exchanges.sendOpenAiError(
                                exchange,
                                failure.get().status(),
                                "injected failure (fault injection of the reference sidecar)");
                        return;
                    }
                }
                endpoint.handle(exchange);
            } catch (Exchanges.BodyTooLargeException e) {
                sendQuietly(exchange, 413, e.getMessage());
            } catch (IOException e) {
                LOG.debug("Client went away during {}", exchange.getRequestURI(), e);
            } catch (RuntimeException e) {
                LOG.error("Request {} failed", exchange.getRequestURI(), e);
                if (exchange.getResponseCode() == -1) {
                    sendQuietly(exchange, 500, "internal error: " + e);
                }
            } finally {
                exchange.close();
            }
        };
    }

    private boolean authorized(HttpExchange exchange) {
        String token = options.bearerToken();
        if (token == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return false;
        }
        // Constant-time comparison, as vLLM compares digests.
        return MessageDigest.isEqual(
                header.substring("bearer ".length()).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendQuietly(HttpExchange exchange, int status, String message) {
        try {
            Exchanges.sendDetail(exchange, status, message);
        } catch (IOException e) {
            LOG.debug("Could not send {} for {}", status, exchange.getRequestURI(), e);
        }
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
}
