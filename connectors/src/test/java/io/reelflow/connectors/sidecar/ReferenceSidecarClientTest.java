package io.reelflow.connectors.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.connectors.sidecar.FakeSidecarServer.Answer;
import io.reelflow.operators.port.GeneratedClip;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ReferenceSidecarClient}. */
class ReferenceSidecarClientTest {
    private static final byte[] FAKE_MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
    private static final GenerationRequest REQUEST =
            new GenerationRequest("reference", "a red fox in snow", 42L, 640, 360, 25, 3.5);

    @TempDir Path dir;

    private FakeSidecarServer server;
    private ReferenceSidecarClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeSidecarServer();
        client = new ReferenceSidecarClient(settings(server.baseUrl(), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldStreamClipToTargetAndReadHeaders() throws Exception {
        server.answer(Answer.clip(FAKE_MP4, "reference-1.0", "3.48"));
        Path target = dir.resolve("clips/clip.mp4");

        GeneratedClip clip = client.generate(REQUEST, target);

        assertThat(target).hasBinaryContent(FAKE_MP4);
        assertThat(clip.generator()).isEqualTo("reference-1.0");
        assertThat(clip.durationSeconds()).isEqualTo(3.48);
        assertThat(dir.resolve("clips")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void shouldSendEveryProtocolField() throws Exception {
        server.answer(Answer.clip(FAKE_MP4, "g", "1"));

        client.generate(REQUEST, dir.resolve("clip.mp4"));

        JsonNode sent = server.requests().get(0);
        assertThat(sent.get("model").asText()).isEqualTo("reference");
        assertThat(sent.get("prompt").asText()).isEqualTo("a red fox in snow");
        assertThat(sent.get("seed").asLong()).isEqualTo(42L);
        assertThat(sent.get("width").asInt()).isEqualTo(640);
        assertThat(sent.get("height").asInt()).isEqualTo(360);
        assertThat(sent.get("fps").asInt()).isEqualTo(25);
        assertThat(sent.get("durationSeconds").asDouble()).isEqualTo(3.5);
    }

    @Test
    void shouldAskForSettingsModelWhenRequestNamesNone() throws Exception {
        server.answer(Answer.clip(FAKE_MP4, null, null));
        GenerationRequest noModel = new GenerationRequest("", "p", 1L, 64, 64, 25, 2.0);

        GeneratedClip clip = client.generate(noModel, dir.resolve("clip.mp4"));

        assertThat(server.requests().get(0).get("model").asText()).isEqualTo("default-model");
        assertThat(clip.generator()).isEqualTo("default-model");
        assertThat(clip.durationSeconds()).isEqualTo(2.0);
    }

    @Test
    void shouldFallBackToRequestedDurationWhenHeaderIsInvalid() throws Exception {
        server.answer(Answer.clip(FAKE_MP4, "g", "soon"));

        GeneratedClip clip = client.generate(REQUEST, dir.resolve("clip.mp4"));

        assertThat(clip.durationSeconds()).isEqualTo(3.5);
    }

    @Test
    void shouldReportBadRequestAsNotRetryableWithServerError() {
        server.answer(Answer.error(400, "prompt is empty"));

        assertThatThrownBy(() -> client.generate(REQUEST, dir.resolve("clip.mp4")))
                .isInstanceOfSatisfying(
                        GenerationException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("400")
                .hasMessageContaining("prompt is empty");
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void shouldReportServiceUnavailableAsRetryable() {
        server.answer(Answer.error(503, "model is loading"));

        assertThatThrownBy(() -> client.generate(REQUEST, dir.resolve("clip.mp4")))
                .isInstanceOfSatisfying(
                        GenerationException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("503")
                .hasMessageContaining("model is loading");
    }

    @Test
    void shouldReportOverloadAsRetryable() {
        server.answer(Answer.error(429, "queue full"));

        assertThatThrownBy(() -> client.generate(REQUEST, dir.resolve("clip.mp4")))
                .isInstanceOfSatisfying(
                        GenerationException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("queue full");
    }

    @Test
    void shouldReportSlowSidecarAsRetryableTimeout() throws Exception {
        server.answer(Answer.clip(FAKE_MP4, "g", "1").after(Duration.ofSeconds(10)));

        try (GenerationClient impatient =
                new ReferenceSidecarClient(settings(server.baseUrl(), Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> impatient.generate(REQUEST, dir.resolve("clip.mp4")))
                    .isInstanceOfSatisfying(
                            GenerationException.class, e -> assertThat(e.retryable()).isTrue())
                    .hasMessageContaining("did not answer within");
        }
        assertThat(dir.resolve("clip.mp4")).doesNotExist();
    }

    @Test
    void shouldReportRefusedConnectionAsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        try (GenerationClient unreachable =
                new ReferenceSidecarClient(
                        settings("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> unreachable.generate(REQUEST, dir.resolve("clip.mp4")))
                    .isInstanceOfSatisfying(
                            GenerationException.class, e -> assertThat(e.retryable()).isTrue());
        }
    }

    @Test
    void shouldRejectClipWithWrongContentType() {
        server.answer(
                new Answer(
                        200,
                        "text/html",
                        "<html/>".getBytes(StandardCharsets.UTF_8),
                        null,
                        null,
                        Duration.ZERO));

        assertThatThrownBy(() -> client.generate(REQUEST, dir.resolve("clip.mp4")))
                .isInstanceOfSatisfying(
                        GenerationException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("not video/mp4");
    }

    @Test
    void shouldOverwriteExistingTarget() throws Exception {
        Path target = dir.resolve("clip.mp4");
        Files.writeString(target, "stale");
        server.answer(Answer.clip(FAKE_MP4, "g", "1"));

        client.generate(REQUEST, target);

        assertThat(target).hasBinaryContent(FAKE_MP4);
    }

    @Test
    void shouldShipFactoryWithTheJobGraph() throws Exception {
        server.answer(Answer.clip(FAKE_MP4, "g", "1"));
        var factory =
                ReferenceSidecarClient.factory(settings(server.baseUrl(), Duration.ofSeconds(5)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        try (GenerationClient shipped =
                ((io.reelflow.operators.port.GenerationClientFactory) copy).create()) {
            assertThat(shipped.generate(REQUEST, dir.resolve("shipped.mp4")).generator())
                    .isEqualTo("g");
        }
    }

    private static SidecarSettings settings(String baseUrl, Duration requestTimeout) {
        return new SidecarSettings(baseUrl, "default-model", Duration.ofSeconds(2), requestTimeout);
    }
}
