package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ReferenceSidecarServer}, over HTTP as the model servers' clients speak it. */
class ReferenceSidecarServerITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "test-token-not-a-secret";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ReferenceSidecarServer sidecar;

    @AfterEach
    void stopSidecar() {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void shouldRunJsonVideoJobAsSglangDoes(@TempDir Path dir) throws Exception {
        start(SidecarOptions.defaults().withPort(0).withJobTime(Duration.ofMillis(300)));

        JsonNode created =
                json(
                        postJson(
                                "/v1/videos",
                                "{\"prompt\": \"a lighthouse at dawn\", \"size\": \"160x96\","
                                        + " \"fps\": 10, \"num_frames\": 12, \"seed\": 7}"));
        assertThat(created.get("object").asText()).isEqualTo("video");
        assertThat(created.get("status").asText()).isEqualTo("queued");
        assertThat(created.get("model").asText()).isEqualTo("sora-2");
        assertThat(created.get("size").asText()).isEqualTo("160x96");
        String id = created.get("id").asText();

        HttpResponse<byte[]> early = get("/v1/videos/" + id + "/content");
        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(json(early).get("detail").asText()).isEqualTo("Generation is still in-progress");

        List<String> statuses = pollUntil(id, status -> status.equals("completed"));
        // SGLang writes only queued, completed and failed.
        assertThat(statuses).doesNotContain("in_progress");
        JsonNode done = json(get("/v1/videos/" + id));
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("inference_time_s").asDouble()).isGreaterThan(0.2);

        ClipProbe probe = ClipProbe.of(save(dir, get("/v1/videos/" + id + "/content")));
        assertThat(probe.width()).isEqualTo(160);
        assertThat(probe.height()).isEqualTo(96);
        assertThat(probe.frames()).hasSize(12);
    }

    @Test
    void shouldRunMultipartVideoJobAsVllmOmniDoes(@TempDir Path dir) throws Exception {
        start(SidecarOptions.defaults().withPort(0).withJobTime(Duration.ofMillis(400)));

        HttpResponse<byte[]> response =
                postMultipart(
                        "/v1/videos",
                        Map.of(
                                "prompt", "a red kite",
                                "width", "128",
                                "height", "72",
                                "fps", "8",
                                "num_frames", "9",
                                "seed", "3",
                                "negative_prompt", "blurry"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode created = json(response);
        String id = created.get("id").asText();
        assertThat(id).startsWith("video_gen_");
        assertThat(created.get("status").asText()).isEqualTo("queued");
        assertThat(created.get("media_type").asText()).isEqualTo("video/mp4");

        List<String> statuses = pollUntil(id, status -> status.equals("completed"));
        assertThat(statuses).contains("in_progress");

        ClipProbe probe = ClipProbe.of(save(dir, get("/v1/videos/" + id + "/content")));
        assertThat(probe.width()).isEqualTo(128);
        assertThat(probe.frames()).hasSize(9);
    }

    @Test
    void shouldAnswerFailedJobsInEachDialectsShape() throws Exception {
        start(SidecarOptions.defaults().withPort(0));

        String sglang =
                json(postJson("/v1/videos", "{\"prompt\": \"[sidecar:fail=out of memory] x\"}"))
                        .get("id")
                        .asText();
        String vllm =
                json(postMultipart("/v1/videos", Map.of("prompt", "[sidecar:fail] y")))
                        .get("id")
                        .asText();
        awaitFinished(sglang);
        awaitFinished(vllm);

        HttpResponse<byte[]> sglangPoll = get("/v1/videos/" + sglang);
        assertThat(sglangPoll.statusCode()).isEqualTo(200);
        assertThat(json(sglangPoll).get("status").asText()).isEqualTo("failed");
        assertThat(json(sglangPoll).at("/error/message").asText()).isEqualTo("out of memory");

        // vLLM-Omni answers a failed job with the failure's status, the job as body.
        HttpResponse<byte[]> vllmPoll = get("/v1/videos/" + vllm);
        assertThat(vllmPoll.statusCode()).isEqualTo(500);
        assertThat(json(vllmPoll).get("status").asText()).isEqualTo("failed");
        assertThat(json(vllmPoll).at("/error/code").asInt()).isEqualTo(500);
        assertThat(get("/v1/videos/" + vllm + "/content").statusCode()).isEqualTo(422);
    }

    @Test
    void shouldDeleteVideoJobsAsEachServerDoes() throws Exception {
        start(
                SidecarOptions.defaults()
                        .withPort(0)
                        .withSlots(1)
                        .withJobTime(Duration.ofSeconds(30)));
        String running =
                json(postMultipart("/v1/videos", Map.of("prompt", "running", "num_frames", "2")))
                        .get("id")
                        .asText();
        String queued =
                json(postJson("/v1/videos", "{\"prompt\": \"queued\", \"num_frames\": 2}"))
                        .get("id")
                        .asText();

        JsonNode vllmDeleted = json(delete("/v1/videos/" + running));
        assertThat(vllmDeleted.get("deleted").asBoolean()).isTrue();
        assertThat(vllmDeleted.get("object").asText()).isEqualTo("video.deleted");
        assertThat(get("/v1/videos/" + running).statusCode()).isEqualTo(404);

        JsonNode sglangDeleted = json(delete("/v1/videos/" + queued));
        assertThat(sglangDeleted.get("status").asText()).isEqualTo("deleted");
        assertThat(get("/v1/videos/" + queued).statusCode()).isEqualTo(404);
        assertThat(json(get("/v1/videos/" + queued)).get("detail").asText())
                .isEqualTo("Video not found");
    }

    @Test
    void shouldGenerateImagesAsBase64OrExpiringUrl() throws Exception {
        start(SidecarOptions.defaults().withPort(0).withImageUrlTtl(Duration.ofMillis(500)));

        JsonNode inline =
                json(
                        postJson(
                                "/v1/images/generations",
                                "{\"prompt\": \"a cat\", \"size\": \"64x48\", \"seed\": 1}"));
        assertThat(inline.get("created").asLong()).isPositive();
        byte[] png = Base64.getDecoder().decode(inline.at("/data/0/b64_json").asText());
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isEqualTo(64);

        JsonNode linked =
                json(
                        postJson(
                                "/v1/images/generations",
                                "{\"prompt\": \"a dog\", \"size\": \"64x48\","
                                        + " \"response_format\": \"url\"}"));
        URI url = URI.create(linked.at("/data/0/url").asText());
        HttpResponse<byte[]> image =
                http.send(
                        HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

        Thread.sleep(700);
        assertThat(
                        http.send(
                                        HttpRequest.newBuilder(url).build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                .as("expired URL")
                .isEqualTo(404);
    }

    @Test
    void shouldRunComfyWorkflowAndServeItsOutput(@TempDir Path dir) throws Exception {
        start(SidecarOptions.defaults().withPort(0).withJobTime(Duration.ofMillis(300)));

        JsonNode submitted = json(postJson("/prompt", promptBody("a paper boat", null)));
        String id = submitted.get("prompt_id").asText();
        assertThat(submitted.get("node_errors").isEmpty()).isTrue();
        assertThat(json(get("/history/" + id)).isEmpty()).as("history before completion").isTrue();

        JsonNode entry = awaitHistory(id);
        assertThat(entry.at("/status/status_str").asText()).isEqualTo("success");
        assertThat(entry.at("/status/completed").asBoolean()).isTrue();
        // Core SaveVideo reports its file under "images", flagged animated.
        JsonNode file = entry.at("/outputs/16/images/0");
        assertThat(entry.at("/outputs/16/animated/0").asBoolean()).isTrue();
        assertThat(file.get("subfolder").asText()).isEqualTo("video");
        assertThat(file.get("filename").asText()).matches("ComfyUI_\\d{5}_\\.mp4");

        HttpResponse<byte[]> view =
                get(
                        "/view?filename="
                                + file.get("filename").asText()
                                + "&subfolder=video&type=output");
        assertThat(view.headers().firstValue("Content-Type")).hasValue("video/mp4");
        ClipProbe probe = ClipProbe.of(save(dir, view));
        assertThat(probe.width()).isEqualTo(96);
        assertThat(probe.frames()).hasSize(9);
    }

    @Test
    void shouldDequeuePendingPromptsAndInterruptOnlyTheNamedRunningOne() throws Exception {
        start(
                SidecarOptions.defaults()
                        .withPort(0)
                        .withSlots(1)
                        .withJobTime(Duration.ofSeconds(30)));
        String running =
                json(postJson("/prompt", promptBody("first", null))).get("prompt_id").asText();
        String pending =
                json(postJson("/prompt", promptBody("second", null))).get("prompt_id").asText();
        awaitRunning(running);

        JsonNode queue = json(get("/queue"));
        assertThat(queue.at("/queue_running/0/1").asText()).isEqualTo(running);
        assertThat(queue.at("/queue_pending/0/1").asText()).isEqualTo(pending);

        assertThat(postJson("/queue", "{\"delete\": [\"" + pending + "\"]}").statusCode())
                .isEqualTo(200);
        assertThat(json(get("/queue")).get("queue_pending").isEmpty()).isTrue();

        // Naming a prompt that is not running interrupts nothing.
        postJson("/interrupt", "{\"prompt_id\": \"" + pending + "\"}");
        assertThat(json(get("/queue")).get("queue_running")).hasSize(1);

        postJson("/interrupt", "{\"prompt_id\": \"" + running + "\"}");
        JsonNode entry = awaitHistory(running);
        assertThat(entry.at("/status/status_str").asText()).isEqualTo("error");
        assertThat(entry.at("/status/messages/2/0").asText()).isEqualTo("execution_interrupted");
        assertThat(json(get("/history/" + pending)).isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseWorkflowWithoutOutputsInComfyShape() throws Exception {
        start(SidecarOptions.defaults().withPort(0));

        HttpResponse<byte[]> response =
                postJson(
                        "/prompt",
                        "{\"prompt\": {\"1\": {\"class_type\": \"CLIPTextEncode\","
                                + " \"inputs\": {\"text\": \"x\"}}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/type").asText()).isEqualTo("prompt_no_outputs");
        assertThat(json(response).has("node_errors")).isTrue();
    }

    @Test
    void shouldRequireTheBearerTokenOnApiRoutesOnly() throws Exception {
        start(SidecarOptions.defaults().withPort(0).withBearerToken(TOKEN));

        HttpResponse<byte[]> anonymous = postJson("/v1/videos", "{\"prompt\": \"x\"}");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("error").asText()).isEqualTo("Unauthorized");
        assertThat(get("/history/x").statusCode()).isEqualTo(401);
        assertThat(get("/health").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> authorized =
                send(
                        HttpRequest.newBuilder(uri("/v1/videos"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"x\"}")));
        assertThat(authorized.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldInjectCallFailuresWithRetryAfterThenRecover() throws Exception {
        start(SidecarOptions.defaults().withPort(0));
        postJson(
                "/admin/faults",
                "{\"failNextCalls\": 1, \"failureStatus\": 429, \"retryAfterSeconds\": 7}");

        HttpResponse<byte[]> refused = postJson("/v1/videos", "{\"prompt\": \"x\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(json(refused).at("/error/code").asInt()).isEqualTo(429);

        assertThat(postJson("/v1/videos", "{\"prompt\": \"x\"}").statusCode()).isEqualTo(200);
        assertThat(json(get("/stats")).get("injectedFailures").asInt()).isEqualTo(1);
    }

    @Test
    void shouldFailInjectedJobs() throws Exception {
        start(SidecarOptions.defaults().withPort(0));
        sidecar.faults().failNextJobs(1);

        String id =
                json(postJson("/v1/videos", "{\"prompt\": \"x\", \"num_frames\": 2}"))
                        .get("id")
                        .asText();

        assertThat(awaitFinished(id).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void shouldForgetEveryJobOnRestart() throws Exception {
        start(SidecarOptions.defaults().withPort(0).withJobTime(Duration.ofSeconds(30)));
        String video = json(postJson("/v1/videos", "{\"prompt\": \"x\"}")).get("id").asText();
        String prompt = json(postJson("/prompt", promptBody("y", null))).get("prompt_id").asText();

        postJson("/admin/faults", "{\"restart\": true}");

        assertThat(get("/v1/videos/" + video).statusCode()).isEqualTo(404);
        assertThat(json(get("/history/" + prompt)).isEmpty()).isTrue();
        JsonNode queue = json(get("/queue"));
        assertThat(queue.get("queue_running").isEmpty()).isTrue();
        assertThat(queue.get("queue_pending").isEmpty()).isTrue();
        assertThat(json(get("/stats")).get("lostAtRestart").asInt()).isEqualTo(2);
    }

    @Test
    void shouldCountSubmissionsPerContentKey() throws Exception {
        start(SidecarOptions.defaults().withPort(0));
        String body =
                "{\"model\": \"wan\", \"prompt\": \"a fox\", \"negative_prompt\": \"blur\","
                        + " \"seed\": 5, \"size\": \"64x48\", \"fps\": 8, \"num_frames\": 4}";

        postJson("/v1/videos", body);
        postJson("/v1/videos", body);
        postJson("/v1/videos", body.replace("\"seed\": 5", "\"seed\": 6"));

        SubmissionKey key = new SubmissionKey("wan", "VIDEO", "a fox", "blur", 5, 64, 48, 8, 4);
        assertThat(sidecar.submissions(key)).isEqualTo(2);
        JsonNode stats = json(get("/stats"));
        assertThat(stats.get("submissions").asInt()).isEqualTo(3);
        assertThat(stats.at("/byContentKey/" + key.hash() + "/count").asInt()).isEqualTo(2);
        assertThat(stats.at("/byContentKey/" + key.hash() + "/fields/prompt").asText())
                .isEqualTo("a fox");
    }

    @Test
    void shouldAnswerBusyWith429AndRetryAfterWhenSlotsAndQueueAreFull() throws Exception {
        start(
                SidecarOptions.defaults()
                        .withPort(0)
                        .withSlots(1)
                        .withQueueCapacity(1)
                        .withJobTime(Duration.ofSeconds(30)));
        assertThat(postJson("/v1/videos", "{\"prompt\": \"a\"}").statusCode()).isEqualTo(200);
        awaitStats(stats -> stats.get("running").asInt() == 1);
        assertThat(postJson("/v1/videos", "{\"prompt\": \"b\"}").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> busy = postJson("/v1/videos", "{\"prompt\": \"c\"}");

        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(get("/stats")).get("rejectedBusy").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReportHealthAsDemoGenerator() throws Exception {
        start(SidecarOptions.defaults().withPort(0).withMode(SidecarMode.COMFYUI));

        HttpResponse<byte[]> health = get("/health");

        assertThat(json(health).get("generator").asText()).contains("not a model");
        assertThat(json(health).get("protocol").asText()).isEqualTo("comfyui");
        assertThat(health.headers().firstValue(ReferenceSidecarServer.GENERATOR_HEADER))
                .hasValueSatisfying(
                        value -> assertThat(value).endsWith("(demo generator, not a model)"));
        assertThat(json(get("/system_stats")).at("/devices/0/name").asText())
                .contains("not a model");
    }

    @Test
    void shouldStopAllThreadsOnClose() throws Exception {
        Set<Long> before = nonDaemonThreadIds();
        ReferenceSidecarServer extra =
                ReferenceSidecarServer.start(SidecarOptions.defaults().withPort(0));
        HttpResponse<String> health =
                http.send(
                        HttpRequest.newBuilder(extra.baseUri().resolve("/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        extra.close();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Long> left = new HashSet<>(nonDaemonThreadIds());
        while (System.nanoTime() < deadline) {
            left = new HashSet<>(nonDaemonThreadIds());
            left.removeAll(before);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(left).isEmpty();
    }

    private void start(SidecarOptions options) throws Exception {
        sidecar = ReferenceSidecarServer.start(options);
    }

    private static String promptBody(String prompt, String promptId) throws Exception {
        ObjectNode workflow;
        try (InputStream in =
                ReferenceSidecarServerITCase.class.getResourceAsStream("/comfyui/tiny-t2v.json")) {
            workflow = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) workflow.get("8").get("inputs")).put("text", prompt);
        ObjectNode body = JSON.createObjectNode();
        body.set("prompt", workflow);
        body.put("client_id", "test-client");
        if (promptId != null) {
            body.put("prompt_id", promptId);
        }
        return JSON.writeValueAsString(body);
    }

    private List<String> pollUntil(String id, Predicate<String> done) throws Exception {
        List<String> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = json(get("/v1/videos/" + id)).get("status").asText();
            statuses.add(status);
            if (done.test(status)) {
                return statuses;
            }
            Thread.sleep(40);
        }
        throw new AssertionError("job " + id + " never finished: " + statuses);
    }

    private JsonNode awaitFinished(String id) throws Exception {
        pollUntil(id, status -> status.equals("completed") || status.equals("failed"));
        return json(get("/v1/videos/" + id));
    }

    private JsonNode awaitHistory(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode history = json(get("/history/" + id));
            if (history.has(id)) {
                return history.get(id);
            }
            Thread.sleep(40);
        }
        throw new AssertionError("no history for " + id);
    }

    private void awaitRunning(String promptId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (json(get("/queue")).at("/queue_running/0/1").asText().equals(promptId)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(promptId + " never ran");
    }

    private void awaitStats(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(json(get("/stats")))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("stats never matched");
    }

    private static Path save(Path dir, HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return Files.write(Files.createTempFile(dir, "result-", ".bin"), response.body());
    }

    private static Set<Long> nonDaemonThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private HttpResponse<byte[]> postJson(String path, String body) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> postMultipart(String path, Map<String, String> fields)
            throws Exception {
        String boundary = "reelflow-test-boundary";
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(fields)
                .forEach(
                        (name, value) ->
                                body.append("--")
                                        .append(boundary)
                                        .append("\r\nContent-Disposition: form-data; name=\"")
                                        .append(name)
                                        .append("\"\r\n\r\n")
                                        .append(value)
                                        .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        body.toString(), StandardCharsets.UTF_8)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return sidecar.baseUri().resolve(path);
    }
}
