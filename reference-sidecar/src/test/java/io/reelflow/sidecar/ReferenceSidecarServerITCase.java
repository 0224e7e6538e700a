package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ReferenceSidecarServer}. */
class ReferenceSidecarServerITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TINY_REQUEST =
            "{\"model\": \"reference\", \"prompt\": \"a lighthouse at dawn\", \"seed\": 7,"
                    + " \"width\": 160, \"height\": 90, \"fps\": 10, \"durationSeconds\": 1.0}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ReferenceSidecarServer sidecar;

    @BeforeEach
    void startSidecar() throws Exception {
        sidecar = ReferenceSidecarServer.start(SidecarOptions.defaults().withPort(0));
    }

    @AfterEach
    void stopSidecar() {
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void shouldAnswerGenerateWithMp4AndGeneratorHeaders(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> response = generate(TINY_REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValue(ReferenceSidecarServer.GENERATOR_HEADER))
                .hasValueSatisfying(
                        value ->
                                assertThat(value)
                                        .startsWith("reference-sidecar/")
                                        .endsWith("(demo generator, not a model)"));
        assertThat(response.headers().firstValue(ReferenceSidecarServer.DURATION_HEADER))
                .hasValue("1.0");

        Path clip = Files.write(dir.resolve("clip.mp4"), response.body());
        ClipProbe probe = ClipProbe.of(clip);
        assertThat(probe.codec()).isEqualTo("h264");
        assertThat(probe.width()).isEqualTo(160);
        assertThat(probe.height()).isEqualTo(90);
        assertThat(probe.frames()).hasSize(10);
    }

    @Test
    void shouldReportExactDurationOfRoundedClip() throws Exception {
        HttpResponse<byte[]> response =
                generate(
                        TINY_REQUEST.replace(
                                "\"durationSeconds\": 1.0", "\"durationSeconds\": 0.33"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(ReferenceSidecarServer.DURATION_HEADER))
                .hasValue("0.3");
    }

    @Test
    void shouldServeTheImageryTheRequestDescribes(@TempDir Path tempDir) throws Exception {
        // Compared with the synthesizer's own frames (pure functions of prompt and seed, tested for
        // repeatability in ClipSynthesizerTest) within codec error, not byte for byte: the encoded
        // bitstream of one request differed between runs on a loaded machine.
        ClipProbe served = probe(tempDir, generate(TINY_REQUEST).body(), "served.mp4");
        ClipSynthesizer synthesizer = new ClipSynthesizer();
        GenerateRequest request =
                new GenerateRequest("reference", "a lighthouse at dawn", 7, 160, 90, 10, 1.0);
        GenerateRequest otherSeed =
                new GenerateRequest("reference", "a lighthouse at dawn", 8, 160, 90, 10, 1.0);

        for (int frame : new int[] {0, served.frames().size() - 1}) {
            byte[] decoded = served.frames().get(frame);
            double toOwn =
                    ClipProbe.difference(
                            decoded, ClipProbe.pixels(synthesizer.renderFrame(request, frame)));
            double toOther =
                    ClipProbe.difference(
                            decoded, ClipProbe.pixels(synthesizer.renderFrame(otherSeed, frame)));
            assertThat(toOwn).as("frame %d against its own imagery", frame).isLessThan(6.0);
            assertThat(toOther)
                    .as("frame %d against another seed's", frame)
                    .isGreaterThan(3 * toOwn + 5.0);
        }
    }

    private static ClipProbe probe(Path dir, byte[] mp4, String name) throws Exception {
        Path file = Files.write(dir.resolve(name), mp4);
        return ClipProbe.of(file);
    }

    @Test
    void shouldRejectInvalidRequestsWithJsonReason() throws Exception {
        assertBadRequest(TINY_REQUEST.replace("\"width\": 160", "\"width\": 161"), "width");
        assertBadRequest(TINY_REQUEST.replace("\"height\": 90", "\"height\": 4000"), "height");
        assertBadRequest(TINY_REQUEST.replace("\"fps\": 10", "\"fps\": 61"), "fps");
        assertBadRequest(
                TINY_REQUEST.replace("\"durationSeconds\": 1.0", "\"durationSeconds\": 0"),
                "durationSeconds");
        assertBadRequest(
                TINY_REQUEST.replace("\"durationSeconds\": 1.0", "\"durationSeconds\": 61"),
                "durationSeconds");
        assertBadRequest(
                TINY_REQUEST.replace("\"a lighthouse at dawn\"", "\"\""),
                "prompt must not be empty");
        assertBadRequest(
                TINY_REQUEST.replace("\"a lighthouse at dawn\"", "\"" + "x".repeat(2001) + "\""),
                "prompt");
        assertBadRequest(TINY_REQUEST.replace("\"seed\": 7,", ""), "missing field 'seed'");
        assertBadRequest(TINY_REQUEST.replace("\"seed\": 7", "\"seed\": \"seven\""), "'seed'");
        assertBadRequest("{\"prompt\": ", "malformed JSON");
        assertBadRequest("[1, 2]", "JSON object");
    }

    @Test
    void shouldRequireJsonContentType() throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri("/v1/generate"))
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString(TINY_REQUEST))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response.body())).contains("application/json");
    }

    @Test
    void shouldFailInjectedNumberOfCallsThenSucceed() throws Exception {
        HttpResponse<String> configured =
                postJson("/admin/faults", "{\"failNextRequests\": 2, \"failureStatus\": 503}");
        assertThat(configured.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(configured.body()).get("failNextRequests").asInt()).isEqualTo(2);

        List<Integer> statuses = new ArrayList<>();
        HttpResponse<byte[]> failed = generate(TINY_REQUEST);
        statuses.add(failed.statusCode());
        statuses.add(generate(TINY_REQUEST).statusCode());
        statuses.add(generate(TINY_REQUEST).statusCode());

        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(error(new String(failed.body()))).contains("injected failure");
        JsonNode stats = getJson("/admin/stats");
        assertThat(stats.get("generateCalls").asLong()).isEqualTo(3);
        assertThat(stats.get("failures").asLong()).isEqualTo(2);
        assertThat(stats.get("clipsGenerated").asLong()).isEqualTo(1);
        assertThat(stats.get("injectedFailures").asLong()).isEqualTo(2);
    }

    @Test
    void shouldCountCallsFailuresAndClips() throws Exception {
        generate(TINY_REQUEST);
        generate(TINY_REQUEST.replace("\"fps\": 10", "\"fps\": 0"));
        generate(TINY_REQUEST);

        JsonNode stats = getJson("/admin/stats");
        assertThat(stats.get("generateCalls").asLong()).isEqualTo(3);
        assertThat(stats.get("failures").asLong()).isEqualTo(1);
        assertThat(stats.get("invalidRequests").asLong()).isEqualTo(1);
        assertThat(stats.get("clipsGenerated").asLong()).isEqualTo(2);
    }

    @Test
    void shouldAnswerBusyWith429AndRetryAfterWhenWorkersAndQueueAreFull() throws Exception {
        sidecar.close();
        sidecar =
                ReferenceSidecarServer.start(
                        SidecarOptions.defaults()
                                .withPort(0)
                                .withThreads(1)
                                .withQueueCapacity(0)
                                .withLatencyMillis(1_500));

        CompletableFuture<HttpResponse<byte[]>> slow =
                http.sendAsync(
                        generateRequest(TINY_REQUEST), HttpResponse.BodyHandlers.ofByteArray());
        awaitActiveWorkers(1);
        HttpResponse<byte[]> rejected = generate(TINY_REQUEST);

        assertThat(rejected.statusCode()).isEqualTo(429);
        assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(error(new String(rejected.body()))).contains("busy");
        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(getJson("/admin/stats").get("rejectedBusy").asLong()).isEqualTo(1);
    }

    @Test
    void shouldReportHealthAsDemoGenerator() throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri("/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("generator").asText()).isEqualTo("reference (demo, not a model)");
        assertThat(response.headers().firstValue(ReferenceSidecarServer.GENERATOR_HEADER))
                .hasValue(sidecar.generator());
    }

    @Test
    void shouldRejectUnknownPathsAndMethods() throws Exception {
        HttpResponse<String> unknown =
                http.send(
                        HttpRequest.newBuilder(uri("/v1/generate/extra")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod =
                http.send(
                        HttpRequest.newBuilder(uri("/v1/generate")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void shouldRejectInvalidFaultSettings() throws Exception {
        HttpResponse<String> response = postJson("/admin/faults", "{\"failureStatus\": 200}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response.body())).contains("failureStatus");
    }

    @Test
    void shouldStartFailingFirstCallsWhenConfigured() throws Exception {
        sidecar.close();
        sidecar =
                ReferenceSidecarServer.start(
                        SidecarOptions.defaults().withPort(0).withFailFirst(1));

        assertThat(generate(TINY_REQUEST).statusCode()).isEqualTo(503);
        assertThat(generate(TINY_REQUEST).statusCode()).isEqualTo(200);
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

    private static Set<Long> nonDaemonThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }

    private void awaitActiveWorkers(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (getJson("/admin/stats").get("activeWorkers").asInt() >= expected) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no worker became active");
    }

    private void assertBadRequest(String body, String reason) throws Exception {
        HttpResponse<byte[]> response = generate(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(error(new String(response.body()))).as(body).contains(reason);
    }

    private HttpResponse<byte[]> generate(String body) throws Exception {
        return http.send(generateRequest(body), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest generateRequest(String body) {
        return HttpRequest.newBuilder(uri("/v1/generate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(uri(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String error(String body) throws Exception {
        return JSON.readTree(body).get("error").asText();
    }

    private URI uri(String path) {
        return sidecar.baseUri().resolve(path);
    }
}
