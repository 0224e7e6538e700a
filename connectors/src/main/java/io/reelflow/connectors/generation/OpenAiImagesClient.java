package io.reelflow.connectors.generation;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.connectors.generation.internal.EndpointSettings;
import io.reelflow.connectors.generation.internal.ResultStash;
import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.DownloadedMedia;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.GenerationJob;
import io.reelflow.operators.port.GenerationRequest;
import io.reelflow.operators.port.JobState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link GenerationClient} for {@code POST /v1/images/generations} (OpenAI, vLLM-Omni, SGLang):
 * synchronous, so submit answers a {@link JobState#COMPLETED} job. The image arrives as {@code
 * b64_json}, a {@code data:} URL, or a URL that may expire within the hour; either way it is
 * written to a {@link ResultStash} at once, under the job id, and {@link #download} moves it to the
 * target. A job whose stash is gone (another machine, a cleaned temp dir) polls as {@link
 * JobState#LOST}.
 *
 * <p>Created by {@link GenerationClients} for its protocol.
 */
public final class OpenAiImagesClient implements GenerationClient {

    static final String GENERATIONS = "/v1/images/generations";

    private final SidecarHttp<EndpointSettings> http;
    private final ResultStash stash;

    OpenAiImagesClient(EndpointSettings settings) {
        this.http = new SidecarHttp<>(settings);
        try {
            this.stash =
                    new ResultStash(
                            settings.stashDir()
                                    .map(Path::of)
                                    .orElseGet(
                                            () -> ResultStash.defaultDirectory(settings.name())));
        } catch (IOException e) {
            http.close();
            throw new UncheckedIOException("cannot create the image stash", e);
        }
    }

    @Override
    public CompletableFuture<GenerationJob> submit(GenerationRequest request) {
        EndpointSettings settings = http.settings();
        // Base64 grows the image by a third; the JSON around it is small.
        long maxBytes = settings.maxDownloadBytes() / 3 * 4 + SidecarHttp.MAX_JSON_BYTES;
        return http.send(
                        HttpRequest.newBuilder(http.resolve(GENERATIONS))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(SidecarHttp.jsonBody(body(request, settings))),
                        maxBytes)
                .thenApply(http::requireJson)
                .thenCompose(this::stashFirstImage);
    }

    /** OpenAI's fields, plus what the open servers take unless {@code openai-strict} is set. */
    static Map<String, Object> body(GenerationRequest request, EndpointSettings settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("prompt", request.prompt());
        body.put("n", 1);
        body.put("size", request.size());
        if (!settings.responseFormat().equals("none")) {
            body.put("response_format", settings.responseFormat());
        }
        if (!settings.openAiStrict()) {
            body.put("seed", request.seed());
            if (!request.negativePrompt().isEmpty()) {
                body.put("negative_prompt", request.negativePrompt());
            }
            settings.numInferenceSteps().ifPresent(steps -> body.put("num_inference_steps", steps));
            settings.guidanceScale().ifPresent(scale -> body.put("guidance_scale", scale));
        }
        return body;
    }

    private CompletableFuture<GenerationJob> stashFirstImage(JsonNode answer) {
        ResultStash.Entry entry = stash.reserve();
        Double gpuSeconds =
                answer.path("inference_time_s").isNumber()
                        ? answer.get("inference_time_s").asDouble()
                        : null;
        GenerationJob job =
                new GenerationJob(entry.id(), JobState.COMPLETED, 1, null, gpuSeconds, entry.id());
        try {
            ImageSource source = ImageSource.of(answer);
            if (source.base64() != null) {
                writeDecoded(source.base64(), entry.file());
                return CompletableFuture.completedFuture(job);
            }
            // Fetched now: hosted URLs expire (OpenAI's after an hour).
            URI uri =
                    source.url().startsWith("/")
                            ? http.resolve(source.url())
                            : URI.create(source.url());
            return http.download(uri, entry.file()).thenApply(media -> job);
        } catch (GenerationException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                    new GenerationException(
                            "image answer could not be decoded: " + e.getMessage(),
                            Cause.PROTOCOL,
                            null,
                            e));
        }
    }

    /**
     * Where the first image of an {@code ImagesResponse} is: {@code data[0].b64_json}, a base64
     * {@code data:} URL, or a URL to fetch (absolute, or relative to the server as SGLang answers
     * with a persistent output path).
     *
     * @param base64 the image in base64, or null
     * @param url the URL to fetch, or null
     */
    record ImageSource(String base64, String url) {

        static ImageSource of(JsonNode answer) throws GenerationException {
            JsonNode image = answer.path("data").path(0);
            if (image.path("b64_json").isTextual()) {
                return new ImageSource(image.get("b64_json").asText(), null);
            }
            if (image.path("url").isTextual()) {
                String url = image.get("url").asText();
                if (!url.startsWith("data:")) {
                    return new ImageSource(null, url);
                }
                int comma = url.indexOf(',');
                if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
                    throw new GenerationException("image data: URL is not base64", Cause.PROTOCOL);
                }
                return new ImageSource(url.substring(comma + 1), null);
            }
            throw new GenerationException(
                    "image answer has neither data[0].b64_json nor data[0].url", Cause.PROTOCOL);
        }
    }

    private void writeDecoded(String base64, Path file) throws IOException, GenerationException {
        byte[] bytes = Base64.getMimeDecoder().decode(base64);
        if (bytes.length == 0) {
            throw new GenerationException("image answer is empty", Cause.PROTOCOL);
        }
        if (bytes.length > http.settings().maxDownloadBytes()) {
            throw new GenerationException(
                    "image is larger than " + http.settings().maxDownloadBytes() + " bytes",
                    Cause.PROTOCOL);
        }
        Files.write(file, bytes);
    }

    @Override
    public CompletableFuture<GenerationJob> poll(String jobId) {
        return CompletableFuture.completedFuture(
                stash.find(jobId).isPresent()
                        ? new GenerationJob(jobId, JobState.COMPLETED, 1, null, null, jobId)
                        : GenerationJob.of(jobId, JobState.LOST));
    }

    @Override
    public CompletableFuture<DownloadedMedia> download(GenerationJob job, Path target) {
        String id = job.resultLocator() != null ? job.resultLocator() : job.id();
        Optional<Path> stashed = stash.find(id);
        if (stashed.isEmpty()) {
            return CompletableFuture.failedFuture(
                    new GenerationException(
                            "image " + id + " is no longer stashed here; poll reports it LOST",
                            Cause.JOB_FAILED));
        }
        try {
            String type = contentType(stashed.get());
            stash.moveTo(stashed.get(), target);
            return CompletableFuture.completedFuture(new DownloadedMedia(type, Files.size(target)));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new CompletionException(e));
        }
    }

    @Override
    public CompletableFuture<Void> cancel(String jobId) {
        // Nothing runs on the server: dropping the stashed result is all there is to cancel.
        try {
            stash.delete(jobId);
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> health() {
        return http.expectOk(http.settings().healthPath().orElse("/health"));
    }

    /** PNG, JPEG or WebP by their magic bytes; the answer does not always say which. */
    static String contentType(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N') {
            return "image/png";
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (head.length >= 12
                && new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)
                        .equals("WEBP")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenAiImagesClient["
                + http.settings().name()
                + ", "
                + http.settings().baseUri()
                + "]";
    }
}
