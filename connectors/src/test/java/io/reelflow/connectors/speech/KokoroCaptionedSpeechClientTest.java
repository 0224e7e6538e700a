package io.reelflow.connectors.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.connectors.speech.FakeSpeechServer.Answer;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.port.SynthesizedSpeech;
import io.reelflow.operators.port.SynthesizedSpeech.WordTiming;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link KokoroCaptionedSpeechClient}. */
class KokoroCaptionedSpeechClientTest {

    private static final byte[] AUDIO =
            "RIFF....WAVEfmt captioned audio".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN_AUDIO =
            "RIFF....WAVEfmt plain audio".getBytes(StandardCharsets.UTF_8);
    private static final String CAPTIONED = "/dev/captioned_speech";

    private FakeSpeechServer server;

    @TempDir Path dir;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeSpeechServer(new Answer(200, "audio/wav", PLAIN_AUDIO, Map.of()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SpeechClient client() {
        return new SpeechClients()
                .create(
                        new ModelEndpoint(
                                "kokoro",
                                server.baseUri(),
                                SpeechClients.KOKORO_CAPTIONED_SPEECH,
                                1,
                                Map.of("max-download-size", "1 kb")));
    }

    /** Kokoro's answer with {@code stream: false}: one CaptionedSpeechResponse. */
    private static Answer captioned(String timestamps) {
        String json =
                "{\"audio\":\""
                        + Base64.getEncoder().encodeToString(AUDIO)
                        + "\",\"audio_format\":\"audio/wav\",\"timestamps\":"
                        + timestamps
                        + "}";
        return new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static SpeechRequest request() {
        return new SpeechRequest("kokoro", "af_heart", 1.0, "wav", "Hello, world.");
    }

    @Test
    void shouldAskForCaptionedSpeechAndReturnTheAudioWithItsWordTimes() throws Exception {
        server.answer(
                CAPTIONED,
                captioned(
                        "[{\"word\":\"Hello\",\"start_time\":0.1,\"end_time\":0.42},"
                                + "{\"word\":\",\",\"start_time\":0.42,\"end_time\":0.5},"
                                + "{\"word\":\"world\",\"start_time\":0.55,\"end_time\":0.9}]"));
        Path target = dir.resolve("speech.wav");

        SynthesizedSpeech speech;
        try (SpeechClient client = client()) {
            speech = client.synthesize(request(), target).get(10, TimeUnit.SECONDS);
        }

        assertThat(Files.readAllBytes(target)).isEqualTo(AUDIO);
        assertThat(speech.contentType()).isEqualTo("audio/wav");
        assertThat(speech.bytes()).isEqualTo(AUDIO.length);
        assertThat(speech.words())
                .containsExactly(
                        new WordTiming("Hello", 0.1, 0.42),
                        new WordTiming(",", 0.42, 0.5),
                        new WordTiming("world", 0.55, 0.9));
        assertThat(server.requests())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.method()).isEqualTo("POST");
                            assertThat(r.path()).isEqualTo(CAPTIONED);
                        });
        JsonNode body = new ObjectMapper().readTree(server.requests().get(0).body());
        assertThat(body.size()).isEqualTo(7);
        assertThat(body.get("input").asText()).isEqualTo("Hello, world.");
        assertThat(body.get("model").asText()).isEqualTo("kokoro");
        assertThat(body.get("voice").asText()).isEqualTo("af_heart");
        assertThat(body.get("response_format").asText()).isEqualTo("wav");
        assertThat(body.get("speed").asDouble()).isEqualTo(1.0);
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        assertThat(body.get("return_timestamps").asBoolean(false)).isTrue();
    }

    @Test
    void shouldAskTheSpeechRouteWithoutWordTimesWhenTheServerHasNoCaptionedSpeech()
            throws Exception {
        server.answer(
                CAPTIONED,
                new Answer(
                        404,
                        "application/json",
                        "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8),
                        Map.of()));

        SynthesizedSpeech first;
        SynthesizedSpeech second;
        try (SpeechClient client = client()) {
            first = client.synthesize(request(), dir.resolve("a.wav")).get(10, TimeUnit.SECONDS);
            second = client.synthesize(request(), dir.resolve("b.wav")).get(10, TimeUnit.SECONDS);
        }

        assertThat(first.words()).isEmpty();
        assertThat(second.words()).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("a.wav"))).isEqualTo(PLAIN_AUDIO);
        assertThat(Files.readAllBytes(dir.resolve("b.wav"))).isEqualTo(PLAIN_AUDIO);
        assertThat(server.requests())
                .extracting(FakeSpeechServer.Recorded::path)
                .as("the missing route is asked once")
                .containsExactly(CAPTIONED, "/v1/audio/speech", "/v1/audio/speech");
    }

    @Test
    void shouldReturnNoWordsWhenTheServerGaveNoTimestamps() throws Exception {
        server.answer(CAPTIONED, captioned("null"));

        SynthesizedSpeech speech;
        try (SpeechClient client = client()) {
            speech = client.synthesize(request(), dir.resolve("c.wav")).get(10, TimeUnit.SECONDS);
        }

        assertThat(speech.words()).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("c.wav"))).isEqualTo(AUDIO);
    }

    @Test
    void shouldRefuseAnAnswerWithoutAudioOrWithTooMuchAndLeaveNoFile() {
        server.answer(
                CAPTIONED,
                new Answer(
                        200,
                        "application/json",
                        "{\"audio_format\":\"audio/wav\",\"timestamps\":[]}"
                                .getBytes(StandardCharsets.UTF_8),
                        Map.of()));
        Path target = dir.resolve("d.wav");
        try (SpeechClient client = client()) {
            assertThatThrownBy(() -> client.synthesize(request(), target).join())
                    .cause()
                    .isInstanceOfSatisfying(
                            GenerationException.class,
                            e ->
                                    assertThat(e.reason())
                                            .isEqualTo(GenerationException.Cause.PROTOCOL))
                    .hasMessageContaining("without \"audio\"");

            server.answer(
                    CAPTIONED,
                    new Answer(
                            200,
                            "application/json",
                            ("{\"audio\":\""
                                            + Base64.getEncoder().encodeToString(new byte[2048])
                                            + "\",\"audio_format\":\"audio/wav\",\"timestamps\":[]}")
                                    .getBytes(StandardCharsets.UTF_8),
                            Map.of()));
            assertThatThrownBy(() -> client.synthesize(request(), target).join())
                    .cause()
                    .hasMessageContaining("larger than 1024 bytes");
        }
        assertThat(target).doesNotExist();
    }
}
