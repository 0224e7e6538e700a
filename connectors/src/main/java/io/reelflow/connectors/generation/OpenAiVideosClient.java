package io.reelflow.connectors.generation;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.connectors.generation.internal.EndpointSettings;
import io.reelflow.connectors.generation.internal.VideoBodyEncoding;
import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link GenerationClient} for OpenAI-compatible video jobs: {@code POST /v1/videos}, {@code GET
 * /v1/videos/{id}} ({@code queued}, {@code in_progress}, {@code completed}, {@code failed}), {@code
 * GET /v1/videos/{id}/content}, {@code DELETE /v1/videos/{id}}. One class for the servers that
 * speak it; they differ in the submit body only ({@link VideoBodyEncoding}: JSON for SGLang's
 * diffusion server, multipart/form-data for vLLM-Omni).
 *
 * <p>A poll answered 404 means the server no longer knows the job ({@link JobState#LOST}): these
 * servers keep jobs in memory. A failed vLLM-Omni job is answered with an error status and the job
 * as body; that body is read as the job. Cancel deletes the job: vLLM-Omni stops queued and running
 * work, SGLang forgets the record while the generation runs on, OpenAI deletes only finished videos
 * (the connectors README has the details).
 *
 * <p>Created by {@link GenerationClients} for its protocol.
 */
public final class OpenAiVideosClient implements GenerationClient {

    static final String VIDEOS = "/v1/videos";

    private final SidecarHttp<EndpointSettings> http;
    private final VideoBodyEncoding encoding;

    OpenAiVideosClient(EndpointSettings settings, VideoBodyEncoding encoding) {
        this.http = new SidecarHttp<>(settings);
        this.encoding = encoding;
    }

    @Override
    public CompletableFuture<GenerationJob> submit(GenerationRequest request) {
        VideoBodyEncoding.Encoded body = encoding.encode(request, http.settings());
        return http.json(
                        HttpRequest.newBuilder(http.resolve(VIDEOS))
                                .header("Content-Type", body.contentType())
                                .header("Accept", "application/json")
                                .POST(body.body()))
                .thenApply(json -> parseJob(json, "submit"));
    }

    @Override
    public CompletableFuture<GenerationJob> poll(String jobId) {
        return http.send(
                        HttpRequest.newBuilder(http.resolve(VIDEOS + "/" + encode(jobId)))
                                .header("Accept", "application/json")
                                .GET(),
                        SidecarHttp.MAX_JSON_BYTES)
                .thenApply(response -> pollAnswer(jobId, response));
    }

    private GenerationJob pollAnswer(String jobId, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return parseJob(SidecarHttp.parse(response.body(), "poll " + jobId), "poll");
        }
        if (status == 404) {
            return GenerationJob.of(jobId, JobState.LOST);
        }
        // vLLM-Omni answers a failed job with the failure's status and the job itself as body.
        JsonNode body = tryParse(response.body());
        if (body != null && "video".equals(body.path("object").asText()) && body.has("status")) {
            return parseJob(body, "poll");
        }
        throw new CompletionException(http.failure(response));
    }

    @Override
    public CompletableFuture<DownloadedMedia> download(GenerationJob job, Path target) {
        if (job.state() != JobState.COMPLETED) {
            return CompletableFuture.failedFuture(
                    new GenerationException(
                            "job " + job.id() + " is " + job.state() + ", not COMPLETED",
                            Cause.PROTOCOL));
        }
        String locator = job.resultLocator() != null ? job.resultLocator() : contentPath(job.id());
        URI uri = locator.startsWith("/") ? http.resolve(locator) : URI.create(locator);
        return http.download(uri, target);
    }

    @Override
    public CompletableFuture<Void> cancel(String jobId) {
        return http.send(
                        HttpRequest.newBuilder(http.resolve(VIDEOS + "/" + encode(jobId)))
                                .header("Accept", "application/json")
                                .DELETE(),
                        SidecarHttp.MAX_JSON_BYTES)
                .thenApply(
                        response -> {
                            int status = response.statusCode();
                            if (status / 100 == 2 || status == 404) {
                                return null;
                            }
                            if (status == 409) {
                                // vLLM-Omni: "Cancellation in progress. Please try again later."
                                throw new CompletionException(
                                        new GenerationException(
                                                http.failure(response).getMessage(),
                                                Cause.OVERLOADED));
                            }
                            throw new CompletionException(http.failure(response));
                        });
    }

    @Override
    public CompletableFuture<Void> health() {
        return http.expectOk(http.settings().healthPath().orElse("/health"));
    }

    /**
     * Reads a {@code VideoResponse}: status, progress (0-100, vLLM-Omni and SGLang only ever send 0
     * or 100), {@code error.message}, {@code inference_time_s} as GPU time, and where the result
     * is: SGLang's cloud {@code url} when set, else the content route.
     */
    static GenerationJob parseJob(JsonNode json, String what) {
        String id = json.path("id").asText(null);
        String status = json.path("status").asText(null);
        if (id == null || status == null) {
            throw protocol(what + " answered a job without id or status: " + shorten(json));
        }
        JobState state =
                switch (status) {
                    case "queued" -> JobState.QUEUED;
                    case "in_progress" -> JobState.IN_PROGRESS;
                    case "completed" -> JobState.COMPLETED;
                    case "failed", "cancelled" -> JobState.FAILED;
                    // SGLang's answer to DELETE; a poll never sees it.
                    case "deleted" -> JobState.LOST;
                    default -> throw protocol(what + " answered unknown status '" + status + "'");
                };
        double progress =
                state == JobState.COMPLETED
                        ? 1
                        : Math.max(0, Math.min(1, json.path("progress").asDouble(0) / 100));
        String error = null;
        JsonNode errorNode = json.path("error");
        if (errorNode.isObject()) {
            error = errorNode.path("message").asText("");
            if (errorNode.hasNonNull("code")) {
                error = error + " (code " + errorNode.get("code").asText() + ")";
            }
        } else if (state == JobState.FAILED) {
            error = "the server reports the job failed without a reason";
        }
        Double gpuSeconds =
                json.path("inference_time_s").isNumber()
                        ? json.get("inference_time_s").asDouble()
                        : null;
        String locator = null;
        if (state == JobState.COMPLETED) {
            locator = json.path("url").isTextual() ? json.get("url").asText() : contentPath(id);
        }
        return new GenerationJob(id, state, progress, error, gpuSeconds, locator);
    }

    static String contentPath(String id) {
        return VIDEOS + "/" + encode(id) + "/content";
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static JsonNode tryParse(byte[] body) {
        try {
            return SidecarHttp.JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static CompletionException protocol(String message) {
        return new CompletionException(new GenerationException(message, Cause.PROTOCOL));
    }

    private static String shorten(JsonNode json) {
        String text = json.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenAiVideosClient["
                + http.settings().name()
                + ", "
                + encoding
                + ", "
                + http.settings().baseUri()
                + "]";
    }
}
