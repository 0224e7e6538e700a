package io.reelflow.connectors.speech;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.GenerationException;
import io.reelflow.operators.port.GenerationException.Cause;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.port.SynthesizedSpeech;
import io.reelflow.operators.port.SynthesizedSpeech.WordTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SpeechClient} for Kokoro-FastAPI's {@code POST /dev/captioned_speech}, which answers the
 * audio together with each word's time (remsky/Kokoro-FastAPI {@code
 * api/src/routers/development.py} {@code create_captioned_speech}, {@code
 * api/src/structures/schemas.py} {@code CaptionedSpeechRequest}, {@code CaptionedSpeechResponse},
 * {@code WordTimestamp}). The body is {@link OpenAiSpeechClient}'s plus {@code "stream": false} and
 * {@code "return_timestamps": true}, so the answer is one JSON object {@code {"audio": <base64>,
 * "audio_format": "audio/wav", "timestamps": [{"word", "start_time", "end_time"}, …]}} rather than
 * a stream of them; {@code timestamps} may be null or empty, and the words then come back empty. A
 * server without the route (404: OpenAI, LocalAI, openedai-speech, the reference sidecar) is asked
 * {@code POST /v1/audio/speech} from then on, without word times. Other statuses fail as {@link
 * OpenAiSpeechClient}'s do.
 *
 * <p>Created by {@link SpeechClients} for protocol {@link SpeechClients#KOKORO_CAPTIONED_SPEECH}.
 */
public final class KokoroCaptionedSpeechClient implements SpeechClient {
    private static final Logger LOG = LoggerFactory.getLogger(KokoroCaptionedSpeechClient.class);

    static final String CAPTIONED_SPEECH = "/dev/captioned_speech";

    /** Room for the word list next to the base64 audio. */
    private static final long TIMESTAMPS_BYTES = 4L * 1024 * 1024;

    private final SidecarHttp<SpeechSettings> http;
    private final OpenAiSpeechClient plain;
    private final AtomicBoolean routeMissing = new AtomicBoolean();

    KokoroCaptionedSpeechClient(SpeechSettings settings) {
        this.http = new SidecarHttp<>(settings);
        this.plain = new OpenAiSpeechClient(settings);
    }

    @Override
    public CompletableFuture<SynthesizedSpeech> synthesize(SpeechRequest request, Path target) {
        if (routeMissing.get()) {
            return plain.synthesize(request, target);
        }
        long maxAudio = http.settings().maxDownloadBytes();
        // base64 takes 4 bytes for every 3
        long maxAnswer = maxAudio / 3 * 4 + 4 + TIMESTAMPS_BYTES;
        return http.send(
                        HttpRequest.newBuilder(http.resolve(CAPTIONED_SPEECH))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(SidecarHttp.jsonBody(body(request))),
                        maxAnswer)
                .thenCompose(
                        response -> {
                            if (response.statusCode() == 404) {
                                if (!routeMissing.getAndSet(true)) {
                                    LOG.info(
                                            "Speech endpoint '{}' has no {}: asking {} without"
                                                    + " word times",
                                            http.settings().name(),
                                            CAPTIONED_SPEECH,
                                            OpenAiSpeechClient.SPEECH);
                                }
                                return plain.synthesize(request, target);
                            }
                            return CompletableFuture.completedFuture(
                                    written(response, target, maxAudio));
                        });
    }

    /** The request body: OpenAI's fields, then Kokoro's for one answer with timestamps. */
    static Map<String, Object> body(SpeechRequest request) {
        Map<String, Object> body = OpenAiSpeechClient.body(request);
        body.put("stream", false);
        body.put("return_timestamps", true);
        return body;
    }

    private SynthesizedSpeech written(HttpResponse<byte[]> response, Path target, long maxAudio) {
        JsonNode json = http.requireJson(response);
        String what = http.describe(response.request().method(), response.request().uri());
        JsonNode audio = json.get("audio");
        if (audio == null || !audio.isTextual()) {
            throw protocol(what + " answered without \"audio\"", null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(audio.asText());
        } catch (IllegalArgumentException e) {
            throw protocol(what + " answered \"audio\" that is not base64: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw protocol(what + " answered empty \"audio\"", null);
        }
        if (bytes.length > maxAudio) {
            throw protocol(what + " answered audio larger than " + maxAudio + " bytes", null);
        }
        write(bytes, target);
        JsonNode format = json.get("audio_format");
        return new SynthesizedSpeech(
                format != null && format.isTextual() ? format.asText() : "audio/wav",
                bytes.length,
                words(json.get("timestamps")));
    }

    /**
     * The words of {@code timestamps}; none when it is null, empty or not as Kokoro writes it (the
     * audio is still good: cues then follow syllable estimates).
     */
    static List<WordTiming> words(JsonNode timestamps) {
        if (timestamps == null || !timestamps.isArray()) {
            return List.of();
        }
        List<WordTiming> words = new ArrayList<>(timestamps.size());
        for (JsonNode entry : timestamps) {
            JsonNode word = entry.get("word");
            JsonNode start = entry.get("start_time");
            JsonNode end = entry.get("end_time");
            if (word == null
                    || !word.isTextual()
                    || start == null
                    || !start.isNumber()
                    || end == null
                    || !end.isNumber()) {
                return List.of();
            }
            words.add(new WordTiming(word.asText(), start.asDouble(), end.asDouble()));
        }
        return words;
    }

    /** Through a temporary file next to {@code target}, so a failed write leaves nothing. */
    private static void write(byte[] bytes, Path target) {
        Path partial = null;
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            partial = Files.createTempFile(parent, target.getFileName().toString(), ".part");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // the write's failure is the one to report
            }
            throw new UncheckedIOException(e);
        }
    }

    private static CompletionException protocol(String message, Throwable cause) {
        return new CompletionException(
                new GenerationException(message, Cause.PROTOCOL, null, cause));
    }

    @Override
    public void close() {
        plain.close();
        http.close();
    }

    @Override
    public String toString() {
        return "KokoroCaptionedSpeechClient["
                + http.settings().name()
                + ", "
                + http.settings().baseUri()
                + "]";
    }
}
