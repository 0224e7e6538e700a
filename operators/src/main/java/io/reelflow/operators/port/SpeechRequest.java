package io.reelflow.operators.port;

import java.util.Objects;

/**
 * One text to speak.
 *
 * @param model the server's model name (e.g. {@code kokoro}, {@code tts-1})
 * @param voice the server's voice name (e.g. {@code af_heart}; an espeak-ng voice such as {@code
 *     en-us})
 * @param speed 0.25 to 4.0, 1.0 the voice's own pace
 * @param format the audio format asked for, e.g. {@code wav}
 * @param text what to say; at most the server's input limit
 */
public record SpeechRequest(String model, String voice, double speed, String format, String text) {

    /** The speeds the OpenAI speech API accepts (Kokoro-FastAPI checks the same range). */
    public static final double MIN_SPEED = 0.25;

    public static final double MAX_SPEED = 4.0;

    public SpeechRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException(
                    "speed must be within " + MIN_SPEED + ".." + MAX_SPEED + ", was " + speed);
        }
    }

    /**
     * The SHA-256 (hex) of model, voice, speed, format and text: the speech is stored under it
     * ({@code speech/<key>.wav}) and looked up before the server is asked.
     */
    public String contentKey() {
        return ContentKeys.sha256("speech-v1", model, voice, Double.toString(speed), format, text);
    }
}
