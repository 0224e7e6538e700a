package io.reelflow.connectors.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.connectors.speech.FakeSpeechServer.Answer;
import io.reelflow.connectors.speech.FakeSpeechServer.Recorded;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.port.SynthesizedSpeech;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link OpenAiSpeechClient}. */
class OpenAiSpeechClientTest {

    private static final byte[] AUDIO =
            "RIFF....WAVEfmt fake audio".getBytes(StandardCharsets.UTF_8);

    private FakeSpeechServer server;
    private List<Recorded> requests;

    @TempDir Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeSpeechServer(new Answer(200, "audio/wav", AUDIO, Map.of()));
        requests = server.requests();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SpeechClient client(Map<String, String> options) {
        return new SpeechClients()
                .create(
                        new ModelEndpoint(
                                "tts", server.baseUri(), SpeechClients.OPENAI_SPEECH, 1, options));
    }

    @Test
    void shouldPostTheOpenAiSpeechRequestAndWriteTheAudio() throws Exception {
        Path target = dir.resolve("speech.wav");
        Path token = Files.writeString(dir.resolve("token"), "s3cret\n");
        try (SpeechClient client = client(Map.of("token-file", token.toString()))) {
            SynthesizedSpeech speech =
                    client.synthesize(
                                    new SpeechRequest(
                                            "kokoro", "af_heart", 1.25, "wav", "Hallo, Welt."),
                                    target)
                            .get(10, TimeUnit.SECONDS);
            assertThat(speech.contentType()).isEqualTo("audio/wav");
            assertThat(speech.bytes()).isEqualTo(AUDIO.length);
            assertThat(speech.words()).isEmpty();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(AUDIO);
        assertThat(requests).hasSize(1);
        Recorded request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/audio/speech");
        assertThat(request.headers())
                .containsEntry("content-type", "application/json")
                .containsEntry("accept", "application/octet-stream")
                .containsEntry("authorization", "Bearer s3cret");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.size()).isEqualTo(5);
        assertThat(body.get("model").asText()).isEqualTo("kokoro");
        assertThat(body.get("input").asText()).isEqualTo("Hallo, Welt.");
        assertThat(body.get("voice").asText()).isEqualTo("af_heart");
        assertThat(body.get("response_format").asText()).isEqualTo("wav");
        assertThat(body.get("speed").asDouble()).isEqualTo(1.25);
    }

    @Test
    void shouldSendNoAuthorizationWithoutAToken() throws Exception {
        try (SpeechClient client = client(Map.of())) {
            client.synthesize(request(), dir.resolve("a.wav")).get(10, TimeUnit.SECONDS);
        }
        assertThat(requests.get(0).headers()).doesNotContainKey("authorization");
    }

    @Test
    void shouldFailAsOverloadedWithTheServersRetryAfterAndMessage() {
        server.answer(
                new Answer(
                        503,
                        "application/json",
                        "{\"detail\":\"espeak-ng is not installed\"}"
                                .getBytes(StandardCharsets.UTF_8),
                        Map.of("Retry-After", "7")));
        Path target = dir.resolve("b.wav");
        try (SpeechClient client = client(Map.of())) {
            assertThatThrownBy(() -> client.synthesize(request(), target).join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            GenerationException.class,
                            e -> {
                                assertThat(e.reason())
                                        .isEqualTo(GenerationException.Cause.OVERLOADED);
                                assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                                assertThat(e.getMessage()).contains("espeak-ng is not installed");
                            });
        }
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldRefuseAnAnswerLargerThanTheLimit() throws Exception {
        server.answer(new Answer(200, "audio/wav", new byte[4096], Map.of()));
        Path target = dir.resolve("c.wav");
        try (SpeechClient client = client(Map.of("max-download-size", "1 kb"))) {
            assertThatThrownBy(() -> client.synthesize(request(), target).join())
                    .cause()
                    .isInstanceOfSatisfying(
                            GenerationException.class,
                            e ->
                                    assertThat(e.reason())
                                            .isEqualTo(GenerationException.Cause.PROTOCOL))
                    .hasMessageContaining("larger than 1024 bytes");
        }
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial file left").isEmpty();
        }
    }

    @Test
    void shouldRefuseAnUnknownOptionOrProtocol() {
        assertThatThrownBy(() -> client(Map.of("workflow", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option 'workflow'");
        assertThatThrownBy(
                        () ->
                                new SpeechClients()
                                        .create(
                                                new ModelEndpoint(
                                                        "tts",
                                                        URI.create("http://localhost:1"),
                                                        "openai-images",
                                                        1,
                                                        Map.of())))
                .hasMessageContaining("unknown speech protocol 'openai-images'");
    }

    private static SpeechRequest request() {
        return new SpeechRequest("tts-1", "en-us", 1.0, "wav", "One sentence.");
    }
}
