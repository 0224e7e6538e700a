package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.operators.narration.NarrationConfig;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.request.RequestRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The narration stage: the speech servers ({@code POST /v1/audio/speech}), the voice per language,
 * and the breathing room around each scene's speech. Narration is asked for per request ({@code
 * "narration": true}); these settings say how it is made.
 */
public final class NarrationOptions {
    private static final String PREFIX = "reelflow.narration.";

    /** The protocol of every speech endpoint (connectors' {@code SpeechClients.OPENAI_SPEECH}). */
    public static final String PROTOCOL = "openai-speech";

    /**
     * The protocol with {@link #WORD_TIMESTAMPS} (connectors' {@code
     * SpeechClients.KOKORO_CAPTIONED_SPEECH}).
     */
    public static final String CAPTIONED_PROTOCOL = "kokoro-captioned-speech";

    public static final ConfigOption<List<String>> URL =
            key(PREFIX + "url")
                    .stringType()
                    .asList()
                    .noDefaultValue()
                    .withDescription(
                            "Base URL(s) of OpenAI-compatible speech servers (Kokoro-FastAPI,"
                                    + " LocalAI, openedai-speech, the reference sidecar), separated"
                                    + " by ';', tried in that order; unset: narrated requests are"
                                    + " made without narration and DEGRADED.");

    public static final ConfigOption<String> MODEL =
            key(PREFIX + "model")
                    .stringType()
                    .defaultValue("tts-1")
                    .withDescription(
                            "Model name sent; tts-1 is understood by OpenAI, Kokoro-FastAPI and"
                                    + " openedai-speech.");

    public static final ConfigOption<String> VOICES =
            key(PREFIX + "voices")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Voice per language, 'language=voice' separated by commas (Kokoro's"
                                    + " are e.g. af_heart); unset: espeak-ng's voice for every"
                                    + " language it speaks (en=en-us, zh=cmn, pt=pt, ...).");

    public static final ConfigOption<String> DEFAULT_VOICE =
            key(PREFIX + "default-voice")
                    .stringType()
                    .defaultValue("en-us")
                    .withDescription("Voice of languages without their own.");

    public static final ConfigOption<Double> SPEED =
            key(PREFIX + "speed")
                    .doubleType()
                    .defaultValue(1.0)
                    .withDescription("Speed asked for, 0.25 to 4.0.");

    public static final ConfigOption<Integer> MAX_INPUT_CHARS =
            key(PREFIX + "max-input-chars")
                    .intType()
                    .defaultValue(4096)
                    .withDescription(
                            "Longest text in one call (OpenAI's limit is 4096); longer sentences"
                                    + " are cut at clauses, then words.");

    public static final ConfigOption<Duration> LEAD_IN =
            key(PREFIX + "lead-in")
                    .durationType()
                    .defaultValue(Duration.ofMillis(300))
                    .withDescription("Silence at the start of each scene, before its speech.");

    public static final ConfigOption<Duration> TAIL =
            key(PREFIX + "tail")
                    .durationType()
                    .defaultValue(Duration.ofMillis(500))
                    .withDescription("Silence at the end of each scene, after its speech.");

    public static final ConfigOption<Integer> MAX_ATTEMPTS =
            key(PREFIX + "max-attempts")
                    .intType()
                    .defaultValue(3)
                    .withDescription("Calls per sentence and server before the next server.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            key(PREFIX + "initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("Wait before the second call; doubles up to max-backoff.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            key(PREFIX + "max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Longest wait between calls; a server's Retry-After is honoured up to"
                                    + " this.");

    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            key(PREFIX + "request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription("How long one synthesis call may take, audio included.");

    public static final ConfigOption<String> TOKEN_ENV =
            key(PREFIX + "token-env")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("Environment variable holding the servers' bearer token.");

    public static final ConfigOption<String> TOKEN_FILE =
            key(PREFIX + "token-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription("File holding the servers' bearer token (a mounted secret).");

    public static final ConfigOption<Boolean> WORD_TIMESTAMPS =
            key(PREFIX + "word-timestamps")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Ask Kokoro-FastAPI's POST /dev/captioned_speech, which answers the"
                                    + " audio with each word's time, instead of /v1/audio/speech,"
                                    + " so subtitle cues are cut where words are spoken; a server"
                                    + " without that route (404) is asked /v1/audio/speech and"
                                    + " cues follow syllable estimates.");

    public static final ConfigOption<Double> MAX_SPEED_UP =
            key(PREFIX + "max-speed-up")
                    .doubleType()
                    .defaultValue(1.5)
                    .withDescription(
                            "When speech is longer than the longest video, it is asked for again"
                                    + " up to this much faster; what still does not fit is not"
                                    + " spoken.");

    public static final ConfigOption<Integer> THREADS =
            key(PREFIX + "threads")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Plans narrated at once per subtask.");

    public static final ConfigOption<Duration> TIMEOUT =
            key(PREFIX + "timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "Longest a plan's narration may take; after it the video is made"
                                    + " without narration (DEGRADED).");

    private NarrationOptions() {}

    /** The stage's settings, the video's bounds taken from the request rules. */
    public static NarrationConfig read(ReadableConfig config, RequestRules rules) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("request-timeout", config.get(REQUEST_TIMEOUT).toString());
        config.getOptional(TOKEN_ENV).ifPresent(value -> options.put("token-env", value));
        config.getOptional(TOKEN_FILE).ifPresent(value -> options.put("token-file", value));
        List<ModelEndpoint> endpoints = new ArrayList<>();
        List<String> urls = config.getOptional(URL).orElse(List.of());
        for (int i = 0; i < urls.size(); i++) {
            endpoints.add(
                    new ModelEndpoint(
                            "speech-" + (i + 1),
                            URI.create(urls.get(i).strip()),
                            config.get(WORD_TIMESTAMPS) ? CAPTIONED_PROTOCOL : PROTOCOL,
                            1,
                            options));
        }
        return new NarrationConfig(
                endpoints,
                config.get(MODEL),
                config.getOptional(VOICES)
                        .map(NarrationOptions::voices)
                        .orElse(NarrationConfig.DEFAULT_VOICES),
                config.get(DEFAULT_VOICE),
                config.get(SPEED),
                config.get(MAX_INPUT_CHARS),
                config.get(LEAD_IN).toMillis() / 1000.0,
                config.get(TAIL).toMillis() / 1000.0,
                config.get(MAX_ATTEMPTS),
                config.get(INITIAL_BACKOFF),
                config.get(MAX_BACKOFF),
                rules.minDurationSeconds(),
                rules.maxDurationSeconds(),
                config.get(MAX_SPEED_UP));
    }

    /** {@code en=en-us,de=de} as a map; a pair without '=' fails naming the option. */
    static Map<String, String> voices(String value) {
        Map<String, String> voices = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        VOICES.key() + " needs language=voice pairs, got '" + pair.strip() + "'");
            }
            voices.put(parts[0].strip().toLowerCase(Locale.ROOT), parts[1].strip());
        }
        return voices;
    }
}
