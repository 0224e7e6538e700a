package io.reelflow.sidecar.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.reelflow.schemas.text.CleanText;
import io.reelflow.sidecar.SpeechAudio;
import io.reelflow.sidecar.SpeechEngine;
import io.reelflow.sidecar.SpeechEngine.EngineUnavailableException;
import io.reelflow.sidecar.SpeechKey;
import io.reelflow.sidecar.SpeechVoice;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text to speech as OpenAI's API defines it ({@code openai-python
 * src/openai/resources/audio/speech.py}) and Kokoro-FastAPI serves it ({@code
 * api/src/routers/openai_compatible.py}, {@code api/src/structures/schemas.py}): {@code POST
 * /v1/audio/speech} {@code {model, input, voice, response_format, speed}} answers the audio bytes;
 * {@code GET /v1/audio/voices} lists the voices. Spoken for real by {@link SpeechEngine}; 503 with
 * the install hint when espeak-ng is missing.
 */
public final class SpeechApi {

    public static final String PATH = "/v1/audio";
    static final String SPEECH = PATH + "/speech";
    static final String VOICES = PATH + "/voices";

    /** OpenAI's limit on {@code input}, in characters. */
    public static final int MAX_INPUT_CHARS = 4096;

    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4.0;

    /** The model recorded when a request names none, as openedai-speech defaults. */
    static final String DEFAULT_MODEL = "tts-1";

    private static final Logger LOG = LoggerFactory.getLogger(SpeechApi.class);

    private final SidecarContext context;
    private final SpeechEngine engine;

    public SpeechApi(SidecarContext context, SpeechEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(SPEECH)) {
            if (method.equals("POST")) {
                speech(exchange);
            } else {
                Exchanges.methodNotAllowed(exchange, "POST");
            }
        } else if (path.equals(VOICES)) {
            if (method.equals("GET")) {
                voices(exchange);
            } else {
                Exchanges.methodNotAllowed(exchange, "GET");
            }
        } else {
            Exchanges.sendDetail(exchange, 404, "Not Found");
        }
    }

    private void speech(HttpExchange exchange) throws IOException {
        SpeechRequest request;
        try {
            request = SpeechRequest.read(exchange);
        } catch (InvalidField e) {
            Exchanges.sendOpenAiError(exchange, 400, e.getMessage(), e.field);
            return;
        }
        SpeechAudio audio;
        try {
            if (engine.resolveVoice(request.key().voice()).isEmpty()) {
                Exchanges.sendOpenAiError(
                        exchange, 400, engine.unknownVoice(request.key().voice()), "voice");
                return;
            }
            if (request.directives().failure() != null) {
                context.stats().speechFailed();
                Exchanges.sendOpenAiError(exchange, 500, request.directives().failure());
                return;
            }
            sleep(request.directives().extraTime());
            context.stats().speechSubmitted(request.key());
            audio =
                    engine.synthesize(request.text(), request.key().voice(), request.key().speed())
                            .scaled(request.volume());
        } catch (EngineUnavailableException e) {
            context.stats().speechUnavailable();
            Exchanges.sendOpenAiError(exchange, 503, e.getMessage());
            return;
        } catch (RejectedExecutionException e) {
            context.stats().rejectedBusy();
            exchange.getResponseHeaders().set("Retry-After", Overload.RETRY_AFTER_SECONDS);
            Exchanges.sendOpenAiError(exchange, 429, "busy: every speech thread is taken");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.sendOpenAiError(exchange, 503, "server is shutting down");
            return;
        } catch (IOException e) {
            LOG.warn("Speech failed for {}", CleanText.quoted(request.text(), 80), e);
            context.stats().speechFailed();
            // Kokoro answers its processing errors 500 with the error's message.
            Exchanges.sendOpenAiError(exchange, 500, "speech synthesis failed: " + e.getMessage());
            return;
        }
        byte[] body = request.format().encode(audio, context.workDirectory());
        context.stats().speechSynthesized();
        // The headers of Kokoro's non-streaming answer.
        exchange.getResponseHeaders()
                .set(
                        "Content-Disposition",
                        "attachment; filename=speech." + request.format().optionValue());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Exchanges.sendBytes(exchange, 200, request.format().contentType(), body);
    }

    /** {@code {"voices": [{"id", "name"}]}}, or with {@code ?legacy=true} the bare ids. */
    private void voices(HttpExchange exchange) throws IOException {
        List<SpeechVoice> voices;
        try {
            voices = engine.voices();
        } catch (EngineUnavailableException e) {
            context.stats().speechUnavailable();
            Exchanges.sendOpenAiError(exchange, 503, e.getMessage());
            return;
        }
        boolean legacy = Boolean.parseBoolean(Exchanges.query(exchange).get("legacy"));
        List<Object> listed = new ArrayList<>();
        for (SpeechVoice voice : voices) {
            if (legacy) {
                listed.add(voice.id());
            } else {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", voice.id());
                entry.put("name", voice.name());
                listed.add(entry);
            }
        }
        Exchanges.sendJson(exchange, 200, Map.of("voices", listed));
    }

    private static void sleep(Duration time) throws InterruptedException {
        if (!time.isZero()) {
            Thread.sleep(time.toMillis());
        }
    }

    /**
     * A validated request.
     *
     * @param text the input cleaned of control characters, without directives, as spoken
     * @param volume Kokoro's {@code volume_multiplier}
     */
    record SpeechRequest(
            SpeechKey key, String text, SpeechFormat format, double volume, Directives directives) {

        static SpeechRequest read(HttpExchange exchange) throws IOException, InvalidField {
            JsonNode json;
            try {
                json = Exchanges.JSON.readTree(Exchanges.readBody(exchange));
            } catch (IOException e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                throw new InvalidField(null, "request body must be a JSON object");
            }
            Params params = Params.of(json);
            try {
                String input = params.text("input", null);
                if (input == null) {
                    throw new InvalidField("input", "input: Field required");
                }
                int length = input.codePointCount(0, input.length());
                if (length > MAX_INPUT_CHARS) {
                    throw new InvalidField(
                            "input",
                            "input: String should have at most "
                                    + MAX_INPUT_CHARS
                                    + " characters, got "
                                    + length);
                }
                Directives directives = Directives.parse(CleanText.readable(input));
                if (CleanText.isEmptyWhenCleaned(directives.prompt())) {
                    // openedai-speech's words for the same case.
                    throw new InvalidField("input", "Input text empty after preprocess.");
                }
                String format = params.text("response_format", SpeechFormat.MP3.optionValue());
                SpeechFormat speechFormat =
                        SpeechFormat.of(format)
                                .orElseThrow(
                                        () ->
                                                new InvalidField(
                                                        "response_format",
                                                        "response_format: Input should be 'mp3',"
                                                                + " 'opus', 'aac', 'flac', 'wav'"
                                                                + " or 'pcm', got "
                                                                + CleanText.quoted(format, 40)));
                double speed = params.number("speed", 1.0);
                if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
                    throw new InvalidField(
                            "speed",
                            "speed: Input should be between "
                                    + MIN_SPEED
                                    + " and "
                                    + MAX_SPEED
                                    + ", got "
                                    + speed);
                }
                double volume = params.number("volume_multiplier", 1.0);
                if (!(volume >= 0 && volume <= 100)) {
                    throw new InvalidField(
                            "volume_multiplier",
                            "volume_multiplier: Input should be between 0 and 100, got " + volume);
                }
                String voice = params.text("voice", SpeechEngine.DEFAULT_VOICE);
                String model = params.text("model", DEFAULT_MODEL);
                return new SpeechRequest(
                        new SpeechKey(model, voice, input, speed, speechFormat.optionValue()),
                        directives.prompt(),
                        speechFormat,
                        volume,
                        directives);
            } catch (IllegalArgumentException e) {
                throw new InvalidField(null, e.getMessage());
            }
        }
    }

    /** A request field the endpoint refuses, answered 400. */
    static final class InvalidField extends Exception {
        private final String field;

        InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
