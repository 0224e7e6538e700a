package io.reelflow.connectors.speech;

import io.reelflow.connectors.internal.http.SidecarHttp;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechRequest;
import io.reelflow.operators.port.SynthesizedSpeech;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@link SpeechClient} for the OpenAI-compatible {@code POST /v1/audio/speech}: a JSON body {@code
 * {model, input, voice, response_format, speed}} answered by the audio's bytes, as openai-python
 * sends it ({@code src/openai/resources/audio/speech.py}: those fields, {@code Accept:
 * application/octet-stream}, bearer auth) and Kokoro-FastAPI ({@code
 * api/src/routers/openai_compatible.py}, {@code api/src/structures/schemas.py}
 * OpenAISpeechRequest), LocalAI and openedai-speech serve it. Only OpenAI's own fields are sent, so
 * every such server reads the request the same way; Kokoro-FastAPI streams its answer by default,
 * which the client reads to the end like any other. The answer streams to the target file with a
 * size limit; 429/503 fail as overloaded with the server's {@code Retry-After}; the protocol has no
 * word timings, so none are returned.
 *
 * <p>Created by {@link SpeechClients}.
 */
public final class OpenAiSpeechClient implements SpeechClient {

    static final String SPEECH = "/v1/audio/speech";

    private final SidecarHttp<SpeechSettings> http;

    OpenAiSpeechClient(SpeechSettings settings) {
        this.http = new SidecarHttp<>(settings);
    }

    @Override
    public CompletableFuture<SynthesizedSpeech> synthesize(SpeechRequest request, Path target) {
        return http.toFile(
                        HttpRequest.newBuilder(http.resolve(SPEECH))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/octet-stream")
                                .POST(SidecarHttp.jsonBody(body(request))),
                        target)
                .thenApply(
                        media ->
                                new SynthesizedSpeech(
                                        media.contentType(), media.bytes(), List.of()));
    }

    /** The request body, in openai-python's field order. */
    static Map<String, Object> body(SpeechRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", request.text());
        body.put("model", request.model());
        body.put("voice", request.voice());
        body.put("response_format", request.format());
        body.put("speed", request.speed());
        return body;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "OpenAiSpeechClient["
                + http.settings().name()
                + ", "
                + http.settings().baseUri()
                + "]";
    }
}
