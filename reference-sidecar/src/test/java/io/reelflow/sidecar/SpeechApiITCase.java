package io.reelflow.sidecar;

import static io.reelflow.sidecar.SpeechEngineAssumptions.assumeInstalled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests for {@link io.reelflow.sidecar.internal.SpeechApi}: {@code /v1/audio/speech} and {@code
 * /v1/audio/voices} over HTTP, spoken by the real espeak-ng.
 */
class SpeechApiITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // espeak-ng speaks 175 words a minute at speed 1; a Han character is one syllable.
    private static final double UNITS_PER_SECOND = 175 / 60.0;

    private static ReferenceSidecarServer sidecar;

    @BeforeAll
    static void startSidecar() throws Exception {
        sidecar = ReferenceSidecarServer.start(SidecarOptions.defaults().withPort(0));
    }

    @AfterAll
    static void stopSidecar() {
        sidecar.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en-us | The old lighthouse keeper climbed the stairs every evening at dusk.",
                "de    | Der alte Leuchtturmwärter stieg jeden Abend die Treppe hinauf.",
                "es    | El viejo farero subía las escaleras cada tarde al anochecer.",
                "fr    | Le vieux gardien du phare montait l'escalier chaque soir.",
                "ru    | Старый смотритель маяка каждый вечер поднимался по лестнице.",
                "cmn   | 老灯塔看守人每天傍晚都爬上楼梯。",
            })
    void shouldSpeakEachLanguageAsWav(String voice, String text) throws Exception {
        assumeInstalled(sidecar.speechEngine());

        HttpResponse<byte[]> response = speech(sidecar, request(text, voice, "wav"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=speech.wav");
        SpeechProbe audio = SpeechProbe.ofWav(response.body());
        assertThat(audio.codec()).isEqualTo("PCM_SIGNED");
        assertThat(audio.sampleRate()).isEqualTo(SpeechEngine.SAMPLE_RATE);
        assertThat(audio.channels()).isEqualTo(1);
        double expected = units(text) / UNITS_PER_SECOND;
        assertThat(audio.seconds()).isGreaterThan(0.3).isBetween(expected / 2, expected * 2);
        assertThat(audio.rms()).isGreaterThan(0.02);
        assertThat(audio.peak()).isGreaterThan(0.15);
    }

    @Test
    void shouldAnswerRawPcmAndCompressedFormatsOfTheSameSpeech(@TempDir Path dir) throws Exception {
        assumeInstalled(sidecar.speechEngine());
        String text = "Narration in every format.";
        SpeechProbe wav = SpeechProbe.ofWav(speech(sidecar, request(text, "en", "wav")).body());

        HttpResponse<byte[]> pcm = speech(sidecar, request(text, "en", "pcm"));
        assertThat(pcm.headers().firstValue("Content-Type")).contains("audio/pcm");
        assertThat(pcm.body()).hasSize(2 * wav.samples().length);

        for (String[] format :
                new String[][] {
                    {"mp3", "audio/mpeg", "mp3"},
                    {"flac", "audio/flac", "flac"},
                    {"opus", "audio/opus", "opus"},
                    {"aac", "audio/aac", "aac"}
                }) {
            HttpResponse<byte[]> response = speech(sidecar, request(text, "en", format[0]));
            assertThat(response.statusCode()).as(format[0]).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(format[0])
                    .contains(format[1]);
            SpeechProbe decoded = SpeechProbe.ofFile(dir, "speech." + format[0], response.body());
            assertThat(decoded.codec()).as(format[0]).contains(format[2]);
            assertThat(decoded.seconds()).as(format[0]).isCloseTo(wav.seconds(), within(0.15));
            assertThat(decoded.rms()).as(format[0]).isCloseTo(wav.rms(), within(0.3 * wav.rms()));
        }
    }

    @Test
    void shouldDefaultToMp3AndTakeOpenAiVoiceNames() throws Exception {
        assumeInstalled(sidecar.speechEngine());

        HttpResponse<byte[]> response =
                speech(sidecar, "{\"model\": \"tts-1\", \"input\": \"Hi.\", \"voice\": \"alloy\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("audio/mpeg");
    }

    @Test
    void shouldRefuseWhatOpenAiRefusesWith400() throws Exception {
        String tooLong = "a".repeat(4097);
        assertBadRequest(request(tooLong, "en", "wav"), "input", "at most 4096 characters");
        assertBadRequest(request("\u0000\u0007 ", "en", "wav"), "input", "empty");
        assertBadRequest(
                request("Hello", "en", "wav").put("speed", 4.5), "speed", "between 0.25 and 4.0");
        assertBadRequest(
                request("Hello", "en", "wav").put("speed", 0.2), "speed", "between 0.25 and 4.0");
        assertBadRequest(request("Hello", "en", "ogg"), "response_format", "'ogg'");
        assertBadRequest(JSON.createObjectNode().put("voice", "en"), "input", "Field required");
    }

    @Test
    void shouldRefuseAnUnknownVoiceAsKokoroDoes() throws Exception {
        assumeInstalled(sidecar.speechEngine());

        assertBadRequest(
                request("Hello", "af_heart", "wav"), "voice", "Voice 'af_heart' not found");
    }

    @Test
    void shouldAnswer503WithTheInstallHintWhenTheEngineIsMissing() throws Exception {
        try (ReferenceSidecarServer without =
                ReferenceSidecarServer.start(
                        SidecarOptions.defaults()
                                .withPort(0)
                                .withSpeechEngine("/nonexistent/bin/espeak-ng"))) {
            HttpResponse<byte[]> response = speech(without, request("Hello.", "en", "wav"));
            HttpResponse<byte[]> voices = get(without, "v1/audio/voices");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).at("/error/message").asText())
                    .startsWith(
                            "espeak-ng is not installed; install it with: apt-get install"
                                    + " espeak-ng");
            assertThat(voices.statusCode()).isEqualTo(503);
            assertThat(without.stats()).extracting("speech").asString().contains("synthesized=0");
        }
    }

    @Test
    void shouldListVoicesAsKokoroDoes() throws Exception {
        assumeInstalled(sidecar.speechEngine());

        JsonNode voices = json(get(sidecar, "v1/audio/voices")).get("voices");
        JsonNode legacy = json(get(sidecar, "v1/audio/voices?legacy=true")).get("voices");

        assertThat(voices.findValuesAsText("id")).contains("en-us", "de", "ru", "cmn");
        assertThat(voices.get(0).has("name")).isTrue();
        assertThat(legacy.get(0).isTextual()).isTrue();
        assertThat(legacy.size()).isEqualTo(voices.size());
    }

    @Test
    void shouldCountSynthesesPerContentKey() throws Exception {
        assumeInstalled(sidecar.speechEngine());
        String text = "Counted once, then twice.";
        SpeechKey key = new SpeechKey("tts-1", "en", text, 1.0, "pcm");
        SpeechKey faster = new SpeechKey("tts-1", "en", text, 1.5, "pcm");

        speech(sidecar, request(text, "en", "pcm"));
        long once = sidecar.speechSubmissions(key);
        speech(sidecar, request(text, "en", "pcm"));
        speech(sidecar, request(text, "en", "pcm").put("speed", 1.5));

        assertThat(once).isEqualTo(1);
        assertThat(sidecar.speechSubmissions(key)).isEqualTo(2);
        assertThat(sidecar.speechSubmissions(faster)).isEqualTo(1);
        assertThat(sidecar.speechSubmissionsByKey()).containsEntry(key.hash(), 2L);
        // Speech is counted apart from generation jobs.
        assertThat(sidecar.submissionsByKey()).doesNotContainKey(key.hash());
    }

    @Test
    void shouldInjectCallFailuresAndFailuresAskedForByTheText() throws Exception {
        try (ReferenceSidecarServer faulty =
                ReferenceSidecarServer.start(
                        SidecarOptions.defaults().withPort(0).withFailFirst(1))) {
            HttpResponse<byte[]> injected = speech(faulty, request("Hello.", "en", "wav"));
            assertThat(injected.statusCode()).isEqualTo(503);
            assertThat(json(injected).at("/error/message").asText()).contains("injected failure");

            assumeInstalled(faulty.speechEngine());
            HttpResponse<byte[]> failed =
                    speech(faulty, request("[sidecar:fail=out of memory] Hello.", "en", "wav"));
            HttpResponse<byte[]> slow =
                    speech(faulty, request("[sidecar:latency=200ms] Hello.", "en", "wav"));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(json(failed).at("/error/message").asText()).isEqualTo("out of memory");
            assertThat(slow.statusCode()).isEqualTo(200);
            assertThat(SpeechProbe.ofWav(slow.body()).seconds()).isGreaterThan(0.3);
        }
    }

    private static void assertBadRequest(ObjectNode body, String param, String message)
            throws Exception {
        HttpResponse<byte[]> response = speech(sidecar, body);
        assertThat(response.statusCode()).as(body.toString()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(error.get("message").asText()).contains(message);
    }

    static ObjectNode request(String input, String voice, String format) {
        return JSON.createObjectNode()
                .put("model", "tts-1")
                .put("input", input)
                .put("voice", voice)
                .put("response_format", format);
    }

    static HttpResponse<byte[]> speech(ReferenceSidecarServer server, Object body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.baseUri().resolve("v1/audio/speech"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(ReferenceSidecarServer server, String path)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Words, counting each Han character as one. */
    private static int units(String text) {
        int han =
                (int)
                        text.codePoints()
                                .filter(
                                        c ->
                                                Character.UnicodeScript.of(c)
                                                        == Character.UnicodeScript.HAN)
                                .count();
        return han > 0 ? han : text.strip().split("\\s+").length;
    }
}
