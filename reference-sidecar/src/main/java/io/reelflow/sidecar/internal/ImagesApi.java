package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.reelflow.sidecar.ClipRequest;
import io.reelflow.sidecar.SubmissionKey;
import io.reelflow.sidecar.internal.FakeJob.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /v1/images/generations}, answered when the image is made (the request waits for a
 * slot and the job time), with {@code b64_json} (the default, as vLLM-Omni's) or an expiring {@code
 * url} under {@code /v1/images/{id}/content} (as OpenAI's dall-e answers; SGLang's path).
 */
public final class ImagesApi {

    public static final String PATH = "/v1/images";
    static final String GENERATIONS = PATH + "/generations";
    static final String DEFAULT_SIZE = "1024x1024";

    private final SidecarContext context;
    private final Map<String, Stored> urls = new ConcurrentHashMap<>();

    public ImagesApi(SidecarContext context) {
        this.context = context;
    }

    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(GENERATIONS)) {
            if (method.equals("POST")) {
                generate(exchange);
            } else {
                Exchanges.methodNotAllowed(exchange, "POST");
            }
            return;
        }
        String[] parts = path.substring(PATH.length()).split("/", -1);
        if (parts.length == 3 && parts[2].equals("content") && method.equals("GET")) {
            content(exchange, parts[1]);
        } else {
            Exchanges.sendDetail(exchange, 404, "Not Found");
        }
    }

    private void generate(HttpExchange exchange) throws IOException {
        JsonNode json;
        try {
            json = Exchanges.JSON.readTree(Exchanges.readBody(exchange));
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            Exchanges.sendOpenAiError(exchange, 400, "request body must be a JSON object");
            return;
        }
        List<FakeJob> jobs = new ArrayList<>();
        String format;
        try {
            Params params = Params.of(json);
            format = params.text("response_format", "b64_json");
            if (!format.equals("b64_json") && !format.equals("url")) {
                throw new IllegalArgumentException(
                        "response_format: Input should be 'b64_json' or 'url'");
            }
            long n = params.integer("n", 1);
            if (n < 1 || n > 10) {
                throw new IllegalArgumentException("n: Input should be between 1 and 10");
            }
            for (int i = 0; i < n; i++) {
                jobs.add(newJob(params, i));
            }
        } catch (IllegalArgumentException e) {
            Exchanges.sendOpenAiError(exchange, 400, e.getMessage());
            return;
        }
        try {
            for (FakeJob job : jobs) {
                context.runner().submit(job);
            }
        } catch (RejectedExecutionException e) {
            jobs.forEach(context.runner()::cancel);
            Overload.reject(exchange, context);
            return;
        }
        jobs.forEach(job -> context.stats().submitted(job.key()));
        List<Map<String, Object>> data = new ArrayList<>();
        for (FakeJob job : jobs) {
            FakeJob done;
            try {
                done = job.finished().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Exchanges.sendOpenAiError(exchange, 503, "server is shutting down");
                return;
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
            if (done.phase() != Phase.COMPLETED) {
                Exchanges.sendOpenAiError(
                        exchange,
                        500,
                        "image generation failed: "
                                + (done.error() == null ? "cancelled" : done.error()));
                return;
            }
            data.add(entry(done, format));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", Instant.now().getEpochSecond());
        body.put("data", data);
        Exchanges.sendJson(exchange, 200, body);
    }

    private FakeJob newJob(Params params, int index) {
        String prompt = params.text("prompt", null);
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException("prompt: Field required");
        }
        int[] size = Params.size("size", params.text("size", DEFAULT_SIZE));
        int width = (int) params.integer("width", size[0]);
        int height = (int) params.integer("height", size[1]);
        // vLLM-Omni draws a random seed when none is given.
        long seed = params.integer("seed", Integer.toUnsignedLong(UUID.randomUUID().hashCode()));
        String model = params.text("model", VideoJobsApi.SERVED_MODEL);
        Directives directives = Directives.parse(prompt);
        return new FakeJob(
                "img_" + UUID.randomUUID().toString().replace("-", ""),
                "images",
                context.store().nextNumber(),
                ClipRequest.still(directives.prompt(), seed + index, width, height),
                true,
                new SubmissionKey(
                        model,
                        "IMAGE",
                        prompt,
                        params.text("negative_prompt", ""),
                        seed,
                        width,
                        height,
                        0,
                        0),
                directives,
                Map.of("model", model));
    }

    private Map<String, Object> entry(FakeJob job, String format) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (format.equals("b64_json")) {
            entry.put(
                    "b64_json",
                    Base64.getEncoder().encodeToString(Files.readAllBytes(job.output())));
            entry.put("url", null);
            Files.deleteIfExists(job.output());
        } else {
            urls.put(
                    job.id(),
                    new Stored(job.output(), Instant.now().plus(context.options().imageUrlTtl())));
            entry.put(
                    "url",
                    context.baseUri().get().resolve(PATH + "/" + job.id() + "/content").toString());
        }
        entry.put("revised_prompt", null);
        return entry;
    }

    private void content(HttpExchange exchange, String id) throws IOException {
        Stored stored = urls.get(id);
        if (stored == null || Instant.now().isAfter(stored.expiresAt())) {
            if (stored != null) {
                urls.remove(id);
                Files.deleteIfExists(stored.file());
            }
            // An expired URL looks like any unknown one.
            Exchanges.sendDetail(exchange, 404, "Image not found");
            return;
        }
        Exchanges.sendFile(exchange, "image/png", stored.file());
    }

    /** Forgets every stored image, as a restart would. */
    public void clear() {
        urls.clear();
    }

    private record Stored(Path file, Instant expiresAt) {}
}
