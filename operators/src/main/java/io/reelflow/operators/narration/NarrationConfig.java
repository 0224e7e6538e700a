package io.reelflow.operators.narration;

import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.port.SpeechRequest;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the narration stage ({@link Narrator}).
 *
 * <pre>{@code
 * NarrationConfig config = NarrationConfig.defaults(List.of(ttsEndpoint)).withVoices(Map.of("de", "de"));
 * }</pre>
 *
 * @param endpoints speech servers in fallback order; empty: narration is skipped, saying so
 * @param model the model name sent ({@code tts-1} is understood by OpenAI, Kokoro-FastAPI and
 *     openedai-speech)
 * @param voices voice per ISO 639-1 language
 * @param defaultVoice the voice of languages without one
 * @param speed the speed asked for, 0.25 to 4.0
 * @param maxInputChars the longest text sent in one call (OpenAI: 4,096 characters)
 * @param leadInSeconds silence before a scene's speech
 * @param tailSeconds silence after it
 * @param maxAttempts calls per text and endpoint before the next endpoint (or giving up)
 * @param initialBackoff wait before the second attempt, doubling
 * @param maxBackoff longest wait between attempts, a server's {@code Retry-After} included
 * @param minDurationSeconds shortest video (the request rules' minimum)
 * @param maxDurationSeconds longest video (the request rules' maximum)
 * @param maxSpeedUp how much faster speech may be asked for when it is longer than the maximum
 */
public record NarrationConfig(
        List<ModelEndpoint> endpoints,
        String model,
        Map<String, String> voices,
        String defaultVoice,
        double speed,
        int maxInputChars,
        double leadInSeconds,
        double tailSeconds,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double minDurationSeconds,
        double maxDurationSeconds,
        double maxSpeedUp)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * espeak-ng's voices (the reference sidecar's engine) for every language it speaks, so a
     * Portuguese text is not read with an English voice; Kokoro and others name their own voices
     * ({@code reelflow.narration.voices}).
     */
    public static final Map<String, String> DEFAULT_VOICES = espeakVoices();

    /** The ISO 639-1 codes that espeak-ng 1.51 names a voice after ({@code espeak-ng --voices}). */
    private static final String ESPEAK_VOICES_NAMED_BY_CODE =
            "af am an ar as az ba be bg bn bs ca cs cv cy da de el eo es et eu fa fi ga gd gn gu he"
                    + " hi hr ht hu hy ia id io is it ja ka kk kl kn ko ku ky la lb lt lv mi mk ml"
                    + " mr ms mt my nb ne nl om or pa pl pt ro ru sd si sk sl sq sr sv sw ta te th"
                    + " tk tn tr tt ug uk ur uz vi";

    private static Map<String, String> espeakVoices() {
        Map<String, String> voices = new HashMap<>();
        for (String code : ESPEAK_VOICES_NAMED_BY_CODE.split(" ")) {
            voices.put(code, code);
        }
        voices.put("en", "en-us");
        voices.put("fr", "fr");
        voices.put("zh", "cmn");
        voices.put("no", "nb");
        return Map.copyOf(voices);
    }

    public NarrationConfig {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(model, "model");
        voices = Map.copyOf(voices);
        Objects.requireNonNull(defaultVoice, "defaultVoice");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (!(speed >= SpeechRequest.MIN_SPEED && speed <= SpeechRequest.MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be within 0.25..4.0, was " + speed);
        }
        if (maxInputChars < 16) {
            throw new IllegalArgumentException(
                    "maxInputChars must be at least 16, was " + maxInputChars);
        }
        if (!(leadInSeconds >= 0 && tailSeconds >= 0 && leadInSeconds + tailSeconds < 10)) {
            throw new IllegalArgumentException(
                    "leadInSeconds and tailSeconds must be >= 0 and together under 10 s");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive, was " + maxAttempts);
        }
        if (!(minDurationSeconds > 0 && minDurationSeconds <= maxDurationSeconds)) {
            throw new IllegalArgumentException(
                    "need 0 < minDurationSeconds <= maxDurationSeconds, got "
                            + minDurationSeconds
                            + " and "
                            + maxDurationSeconds);
        }
        if (!(maxSpeedUp >= 1.0)) {
            throw new IllegalArgumentException("maxSpeedUp must be >= 1, was " + maxSpeedUp);
        }
    }

    /** Defaults: tts-1, espeak-ng voices, speed 1, 0.3 s before and 0.5 s after each scene. */
    public static NarrationConfig defaults(List<ModelEndpoint> endpoints) {
        return new NarrationConfig(
                endpoints,
                "tts-1",
                DEFAULT_VOICES,
                "en-us",
                1.0,
                4096,
                0.3,
                0.5,
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                1.0,
                600.0,
                1.5);
    }

    /** The voice for {@code language} (an ISO 639-1 code or a tag such as {@code pt-BR}). */
    public String voiceFor(String language) {
        if (language == null) {
            return defaultVoice;
        }
        String lower = language.toLowerCase(Locale.ROOT);
        String voice = voices.get(lower);
        if (voice == null) {
            voice = voices.get(lower.split("[-_]", 2)[0]);
        }
        return voice == null ? defaultVoice : voice;
    }

    public NarrationConfig withVoices(Map<String, String> newVoices, String newDefault) {
        return new NarrationConfig(
                endpoints,
                model,
                newVoices,
                newDefault,
                speed,
                maxInputChars,
                leadInSeconds,
                tailSeconds,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                minDurationSeconds,
                maxDurationSeconds,
                maxSpeedUp);
    }

    public NarrationConfig withBreathing(double leadIn, double tail) {
        return new NarrationConfig(
                endpoints,
                model,
                voices,
                defaultVoice,
                speed,
                maxInputChars,
                leadIn,
                tail,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                minDurationSeconds,
                maxDurationSeconds,
                maxSpeedUp);
    }

    public NarrationConfig withRetries(int attempts, Duration initial, Duration max) {
        return new NarrationConfig(
                endpoints,
                model,
                voices,
                defaultVoice,
                speed,
                maxInputChars,
                leadInSeconds,
                tailSeconds,
                attempts,
                initial,
                max,
                minDurationSeconds,
                maxDurationSeconds,
                maxSpeedUp);
    }

    public NarrationConfig withDurationBounds(double min, double max) {
        return new NarrationConfig(
                endpoints,
                model,
                voices,
                defaultVoice,
                speed,
                maxInputChars,
                leadInSeconds,
                tailSeconds,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                min,
                max,
                maxSpeedUp);
    }
}
