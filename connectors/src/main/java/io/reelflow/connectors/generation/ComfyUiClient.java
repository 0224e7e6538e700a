package io.reelflow.connectors.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.connectors.generation.internal.EndpointSettings;
import io.reelflow.connectors.generation.internal.WorkflowTemplate;
import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GenerationClient} for ComfyUI ({@code server.py}): submit fills the endpoint's {@link
 * WorkflowTemplate} and posts it to {@code /prompt}; poll reads {@code /history/{prompt_id}}, and
 * while that is empty asks {@code /queue} whether the prompt is running, pending, or unknown (then
 * {@link JobState#LOST}: ComfyUI keeps its queue in memory); download fetches the first video (else
 * image) output through {@code /view}. Cancel takes a pending prompt off the queue ({@code POST
 * /queue {"delete": [id]}}) and interrupts a running one ({@code POST /interrupt {"prompt_id"}},
 * which ComfyUI honours only while that prompt runs).
 *
 * <p>Created by {@link GenerationClients} for its protocol.
 */
public final class ComfyUiClient implements GenerationClient {

    /** The example Wan 2.2 text-to-video template shipped with the connectors. */
    public static final String WAN22_T2V_TEMPLATE =
            "classpath:io/reelflow/connectors/generation/comfyui/wan2.2-t2v-14b-api.json";

    private static final Logger LOG = LoggerFactory.getLogger(ComfyUiClient.class);
    private static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "webm", "mov", "mkv", "gif", "webp");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp");

    /** Where output files are listed per node: core save nodes use "images", VHS uses "gifs". */
    private static final List<String> OUTPUT_KEYS = List.of("gifs", "videos", "images");

    private final SidecarHttp<EndpointSettings> http;
    private final WorkflowTemplate template;
    // One per client, as ComfyUI's own examples do: it names our websocket, which we do not open.
    private final String clientId = UUID.randomUUID().toString();

    ComfyUiClient(EndpointSettings settings) {
        this.template =
                WorkflowTemplate.load(
                        settings.workflow()
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "endpoint '"
                                                                + settings.name()
                                                                + "': protocol comfyui needs the"
                                                                + " option '"
                                                                + EndpointOptions.WORKFLOW.key()
                                                                + "'")));
        this.http = new SidecarHttp<>(settings);
    }

    @Override
    public CompletableFuture<GenerationJob> submit(GenerationRequest request) {
        ObjectNode body = SidecarHttp.JSON.createObjectNode();
        body.set("prompt", template.fill(request));
        body.put("client_id", clientId);
        return http.json(
                        HttpRequest.newBuilder(http.resolve("/prompt"))
                                .header("Content-Type", "application/json")
                                .POST(SidecarHttp.jsonBody(body)))
                .thenApply(
                        answer -> {
                            String id = answer.path("prompt_id").asText(null);
                            if (id == null) {
                                throw new CompletionException(
                                        new GenerationException(
                                                "/prompt answered without prompt_id: " + answer,
                                                Cause.PROTOCOL));
                            }
                            JsonNode nodeErrors = answer.path("node_errors");
                            if (nodeErrors.isObject() && !nodeErrors.isEmpty()) {
                                // Accepted, but outputs that failed validation will not run.
                                LOG.warn(
                                        "Endpoint '{}' accepted prompt {} with node errors {}",
                                        http.settings().name(),
                                        id,
                                        nodeErrors);
                            }
                            return GenerationJob.of(id, JobState.QUEUED);
                        });
    }

    @Override
    public CompletableFuture<GenerationJob> poll(String jobId) {
        return history(jobId)
                .thenCompose(
                        entry -> {
                            if (entry.isPresent()) {
                                return CompletableFuture.completedFuture(
                                        parseHistory(jobId, entry.get()));
                            }
                            return queue().thenCompose(
                                            queue -> {
                                                if (contains(queue.path("queue_running"), jobId)) {
                                                    return done(
                                                            GenerationJob.of(
                                                                    jobId, JobState.IN_PROGRESS));
                                                }
                                                if (contains(queue.path("queue_pending"), jobId)) {
                                                    return done(
                                                            GenerationJob.of(
                                                                    jobId, JobState.QUEUED));
                                                }
                                                // It may have finished between the two reads.
                                                return history(jobId)
                                                        .thenApply(
                                                                again ->
                                                                        again.map(
                                                                                        e ->
                                                                                                parseHistory(
                                                                                                        jobId,
                                                                                                        e))
                                                                                .orElse(
                                                                                        GenerationJob
                                                                                                .of(
                                                                                                        jobId,
                                                                                                        JobState
                                                                                                                .LOST)));
                                            });
                        });
    }

    @Override
    public CompletableFuture<DownloadedMedia> download(GenerationJob job, Path target) {
        if (job.state() != JobState.COMPLETED || job.resultLocator() == null) {
            return CompletableFuture.failedFuture(
                    new GenerationException(
                            "prompt "
                                    + job.id()
                                    + " has no result to download ("
                                    + job.state()
                                    + ")",
                            Cause.PROTOCOL));
        }
        return http.download(http.resolve(job.resultLocator()), target);
    }

    @Override
    public CompletableFuture<Void> cancel(String jobId) {
        return queue().thenCompose(
                        queue -> {
                            if (contains(queue.path("queue_pending"), jobId)) {
                                return post("/queue", Map.of("delete", List.of(jobId)));
                            }
                            if (contains(queue.path("queue_running"), jobId)) {
                                // With prompt_id, ComfyUI interrupts only if that prompt still
                                // runs.
                                return post("/interrupt", Map.of("prompt_id", jobId));
                            }
                            return done(null);
                        });
    }

    @Override
    public CompletableFuture<Void> health() {
        return http.expectOk(http.settings().healthPath().orElse("/system_stats"));
    }

    private CompletableFuture<Optional<JsonNode>> history(String jobId) {
        return http.json(HttpRequest.newBuilder(http.resolve("/history/" + encode(jobId))).GET())
                .thenApply(json -> Optional.ofNullable(json.get(jobId)));
    }

    private CompletableFuture<JsonNode> queue() {
        return http.json(HttpRequest.newBuilder(http.resolve("/queue")).GET());
    }

    private CompletableFuture<Void> post(String path, Object body) {
        return http.send(
                        HttpRequest.newBuilder(http.resolve(path))
                                .header("Content-Type", "application/json")
                                .POST(SidecarHttp.jsonBody(body)),
                        SidecarHttp.MAX_JSON_BYTES)
                .thenApply(
                        response -> {
                            if (response.statusCode() / 100 != 2) {
                                throw new CompletionException(http.failure(response));
                            }
                            return null;
                        });
    }

    /**
     * Reads a history entry: {@code status.status_str} {@code success} with the first video (else
     * image) file among the outputs as the result; {@code error} with the message of its {@code
     * execution_error} (or {@code execution_interrupted}) event.
     */
    static GenerationJob parseHistory(String jobId, JsonNode entry) {
        JsonNode status = entry.path("status");
        String statusText = status.path("status_str").asText("success");
        if (statusText.equals("error")) {
            return new GenerationJob(jobId, JobState.FAILED, 0, failureMessage(status), null, null);
        }
        Optional<String> locator = resultLocator(entry.path("outputs"));
        if (locator.isEmpty()) {
            return new GenerationJob(
                    jobId,
                    JobState.FAILED,
                    0,
                    "the workflow finished without an image or video output",
                    null,
                    null);
        }
        return new GenerationJob(jobId, JobState.COMPLETED, 1, null, null, locator.get());
    }

    private static String failureMessage(JsonNode status) {
        for (JsonNode message : status.path("messages")) {
            String event = message.path(0).asText();
            JsonNode data = message.path(1);
            if (event.equals("execution_error")) {
                return data.path("exception_type").asText("error")
                        + " in node "
                        + data.path("node_id").asText("?")
                        + " ("
                        + data.path("node_type").asText("?")
                        + "): "
                        + data.path("exception_message").asText("").strip();
            }
            if (event.equals("execution_interrupted")) {
                return "interrupted in node "
                        + data.path("node_id").asText("?")
                        + " ("
                        + data.path("node_type").asText("?")
                        + ")";
            }
        }
        return "the workflow failed";
    }

    /**
     * {@code /view?filename=…&subfolder=…&type=…} of the first video file, else the first image.
     */
    static Optional<String> resultLocator(JsonNode outputs) {
        Optional<String> image = Optional.empty();
        for (JsonNode node : outputs) {
            for (String key : OUTPUT_KEYS) {
                for (JsonNode file : node.path(key)) {
                    String name = file.path("filename").asText("");
                    String extension = extension(name);
                    String locator =
                            "/view?filename="
                                    + encode(name)
                                    + "&subfolder="
                                    + encode(file.path("subfolder").asText(""))
                                    + "&type="
                                    + encode(file.path("type").asText("output"));
                    // Animated WebP counts as video only where the node says it is animated.
                    boolean animated = node.path("animated").path(0).asBoolean(false);
                    if (VIDEO_EXTENSIONS.contains(extension)
                            && (!extension.equals("webp") || animated)) {
                        return Optional.of(locator);
                    }
                    if (image.isEmpty() && IMAGE_EXTENSIONS.contains(extension)) {
                        image = Optional.of(locator);
                    }
                }
            }
        }
        return image;
    }

    private static boolean contains(JsonNode items, String jobId) {
        // Queue items are [number, prompt_id, prompt, extra_data, outputs_to_execute].
        for (JsonNode item : items) {
            if (jobId.equals(item.path(1).asText())) {
                return true;
            }
        }
        return false;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "ComfyUiClient["
                + http.settings().name()
                + ", "
                + template.source()
                + ", "
                + http.settings().baseUri()
                + "]";
    }
}
