package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.reelflow.sidecar.ClipRequest;
import io.reelflow.sidecar.SidecarMode;
import io.reelflow.sidecar.SubmissionKey;
import io.reelflow.sidecar.internal.FakeJob.Phase;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code /v1/videos}: OpenAI-compatible video jobs in the two dialects Reelflow meets. A JSON body
 * makes an SGLang-style job, a multipart/form-data body a vLLM-Omni-style one; each is then polled,
 * downloaded and deleted as that server does (see the module README for the differences).
 */
public final class VideoJobsApi {

    public static final String PATH = "/v1/videos";
    public static final String SGLANG = "sglang";
    public static final String VLLM_OMNI = "vllm-omni";

    /** The model name answered when a request names none (vLLM-Omni: the served model). */
    public static final String SERVED_MODEL = "reelflow-reference-demo";

    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 360;

    /** vLLM-Omni's {@code DEFAULT_FPS}; SGLang's models mostly default to it too. */
    static final int DEFAULT_FPS = 24;

    private final SidecarContext context;

    public VideoJobsApi(SidecarContext context) {
        this.context = context;
    }

    public void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PATH.length());
        String method = exchange.getRequestMethod();
        if (rest.isEmpty() || rest.equals("/")) {
            if (method.equals("POST")) {
                create(exchange);
            } else {
                Exchanges.methodNotAllowed(exchange, "POST");
            }
            return;
        }
        String[] parts = rest.substring(1).split("/", -1);
        if (parts.length == 1 && method.equals("GET")) {
            retrieve(exchange, parts[0]);
        } else if (parts.length == 1 && method.equals("DELETE")) {
            delete(exchange, parts[0]);
        } else if (parts.length == 2 && parts[1].equals("content") && method.equals("GET")) {
            content(exchange, parts[0]);
        } else {
            notFound(exchange, "Not Found");
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        boolean multipart = Exchanges.mediaType(exchange).equals("multipart/form-data");
        String dialect = multipart ? VLLM_OMNI : SGLANG;
        byte[] body = Exchanges.readBody(exchange);
        FakeJob job;
        try {
            Params params;
            if (multipart) {
                params =
                        Params.of(
                                Multipart.textFields(
                                        exchange.getRequestHeaders().getFirst("Content-Type"),
                                        body));
            } else {
                JsonNode json = parseJson(body);
                if (json == null) {
                    badRequest(exchange, dialect, "request body is not valid JSON");
                    return;
                }
                params = Params.of(json);
            }
            job = newJob(dialect, params);
        } catch (IllegalArgumentException e) {
            badRequest(exchange, dialect, e.getMessage());
            return;
        }
        context.store().put(job);
        try {
            context.runner().submit(job);
        } catch (RejectedExecutionException e) {
            context.store().remove(job.id());
            Overload.reject(exchange, context);
            return;
        }
        context.stats().submitted(job.key());
        // Both servers answer the record as created, before their background task starts.
        Map<String, Object> created = render(job);
        created.put("status", "queued");
        created.put("progress", 0);
        created.put("completed_at", null);
        Exchanges.sendJson(exchange, 200, created);
    }

    private FakeJob newJob(String dialect, Params params) {
        String prompt = params.text("prompt", null);
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException(
                    dialect.equals(VLLM_OMNI) ? "prompt: Field required" : "prompt is required");
        }
        int width = (int) params.integer("width", DEFAULT_WIDTH);
        int height = (int) params.integer("height", DEFAULT_HEIGHT);
        String size = params.text("size", null);
        if (size != null && !size.isEmpty()) {
            int[] parsed = Params.size("size", size);
            width = parsed[0];
            height = parsed[1];
        }
        int fps = (int) params.integer("fps", DEFAULT_FPS);
        long frames;
        if (dialect.equals(VLLM_OMNI)) {
            // vLLM-Omni: num_frames, else seconds x fps, else the pipeline's default of 1 frame.
            frames =
                    params.integer(
                            "num_frames",
                            params.has("seconds") ? params.integer("seconds", 0) * fps : 1);
        } else {
            frames = params.integer("num_frames", params.integer("seconds", 4) * fps);
        }
        long seed = params.integer("seed", Integer.toUnsignedLong(UUID.randomUUID().hashCode()));
        String negative = params.text("negative_prompt", "");
        String requestedModel = params.text("model", null);
        String model =
                requestedModel != null
                        ? requestedModel
                        : dialect.equals(VLLM_OMNI) ? SERVED_MODEL : "sora-2";
        Directives directives = Directives.parse(prompt);
        ClipRequest clip =
                new ClipRequest(directives.prompt(), seed, width, height, fps, (int) frames);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("model", model);
        attributes.put("prompt", prompt);
        attributes.put("size", size);
        attributes.put("seconds", params.text("seconds", null));
        String id =
                (dialect.equals(VLLM_OMNI) ? "video_gen_" : "video_")
                        + UUID.randomUUID().toString().replace("-", "");
        return new FakeJob(
                id,
                dialect,
                context.store().nextNumber(),
                clip,
                false,
                new SubmissionKey(
                        model, "VIDEO", prompt, negative, seed, width, height, fps, (int) frames),
                directives,
                attributes);
    }

    private void retrieve(HttpExchange exchange, String id) throws IOException {
        Optional<FakeJob> found = find(id);
        if (found.isEmpty()) {
            notFound(exchange, "Video not found");
            return;
        }
        FakeJob job = found.get();
        if (job.origin().equals(VLLM_OMNI) && job.phase() == Phase.FAILED) {
            // vLLM-Omni answers a failed job with the failure's status and the job as body.
            Exchanges.sendJson(exchange, 500, render(job));
            return;
        }
        Exchanges.sendJson(exchange, 200, render(job));
    }

    private void delete(HttpExchange exchange, String id) throws IOException {
        Optional<FakeJob> found = find(id);
        if (found.isEmpty()) {
            notFound(exchange, "Video not found");
            return;
        }
        FakeJob job = found.get();
        context.store().remove(id);
        if (job.origin().equals(SGLANG)) {
            // SGLang pops the record and answers it as "deleted"; the generation runs on.
            Map<String, Object> body = render(job);
            body.put("status", "deleted");
            Exchanges.sendJson(exchange, 200, body);
            return;
        }
        if (context.runner().cancel(job)) {
            context.stats().jobCancelled();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("deleted", true);
        body.put("object", "video.deleted");
        Exchanges.sendJson(exchange, 200, body);
    }

    private void content(HttpExchange exchange, String id) throws IOException {
        Optional<FakeJob> found = find(id);
        if (found.isEmpty()) {
            notFound(exchange, "Video not found");
            return;
        }
        String variant = Exchanges.query(exchange).get("variant");
        if (variant != null && !variant.equals("video")) {
            badRequest(
                    exchange,
                    found.get().origin(),
                    "Unsupported video content variant: '" + variant + "'");
            return;
        }
        FakeJob job = found.get();
        if (job.phase() == Phase.COMPLETED) {
            Exchanges.sendFile(exchange, "video/mp4", job.output());
        } else if (job.phase() == Phase.FAILED && job.origin().equals(VLLM_OMNI)) {
            Exchanges.sendOpenAiError(
                    exchange, 422, "Video generation failed. Check job status for error details.");
        } else if (job.phase() == Phase.QUEUED || job.phase() == Phase.RUNNING) {
            error(exchange, job.origin(), 404, "Generation is still in-progress");
        } else {
            error(exchange, job.origin(), 404, "Video output not found");
        }
    }

    private Optional<FakeJob> find(String id) {
        return context.store()
                .find(id, job -> job.origin().equals(SGLANG) || job.origin().equals(VLLM_OMNI));
    }

    /** The job as its dialect's {@code VideoResponse}. */
    private static Map<String, Object> render(FakeJob job) {
        boolean vllm = job.origin().equals(VLLM_OMNI);
        Phase phase = job.phase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("object", "video");
        body.put("model", job.attributes().get("model"));
        body.put("status", status(phase, vllm));
        // Neither server reports progress between 0 and 100 (vLLM-Omni sets 100 on completion).
        body.put("progress", phase == Phase.COMPLETED ? 100 : 0);
        body.put("created_at", job.createdAt().getEpochSecond());
        boolean finished = phase == Phase.COMPLETED || phase == Phase.FAILED;
        body.put("completed_at", finished ? job.completedAt().getEpochSecond() : null);
        body.put("expires_at", null);
        body.put("remixed_from_video_id", null);
        if (vllm) {
            body.put("prompt", job.attributes().get("prompt"));
            Object seconds = job.attributes().get("seconds");
            body.put("seconds", seconds == null ? "4" : seconds);
            body.put("size", job.attributes().get("size"));
            body.put("quality", "default");
            body.put(
                    "error",
                    phase == Phase.FAILED ? Map.of("code", 500, "message", job.error()) : null);
            body.put("media_type", "video/mp4");
            body.put("file_name", phase == Phase.COMPLETED ? job.id() + ".mp4" : null);
            body.put("inference_time_s", finished ? job.inferenceSeconds() : null);
            body.put("stage_durations", null);
            body.put("peak_memory_mb", null);
        } else {
            ClipRequest clip = job.clip();
            body.put("size", clip.width() + "x" + clip.height());
            body.put("seconds", Long.toString(Math.round(clip.frames() / (double) clip.fps())));
            body.put("quality", "standard");
            body.put("url", null);
            body.put("error", phase == Phase.FAILED ? Map.of("message", job.error()) : null);
            body.put(
                    "file_path",
                    phase == Phase.COMPLETED ? job.output().toAbsolutePath().toString() : null);
            body.put("inference_time_s", finished ? job.inferenceSeconds() : null);
            body.put("peak_memory_mb", null);
        }
        return body;
    }

    private static String status(Phase phase, boolean vllm) {
        return switch (phase) {
            case QUEUED -> "queued";
            // SGLang writes only queued, completed and failed.
            case RUNNING -> vllm ? "in_progress" : "queued";
            case COMPLETED -> "completed";
            case FAILED, CANCELLED -> "failed";
        };
    }

    private void notFound(HttpExchange exchange, String message) throws IOException {
        // An unknown id has no dialect: answer in the shape of the server the mode imitates.
        String dialect = context.options().mode() == SidecarMode.MULTIPART ? VLLM_OMNI : SGLANG;
        error(exchange, dialect, 404, message);
    }

    private static void badRequest(HttpExchange exchange, String dialect, String message)
            throws IOException {
        error(exchange, dialect, 400, message);
    }

    private static void error(HttpExchange exchange, String dialect, int status, String message)
            throws IOException {
        if (dialect.equals(VLLM_OMNI)) {
            Exchanges.sendOpenAiError(exchange, status, message);
        } else {
            Exchanges.sendDetail(exchange, status, message);
        }
    }

    private static JsonNode parseJson(byte[] body) {
        try {
            JsonNode json = Exchanges.JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
