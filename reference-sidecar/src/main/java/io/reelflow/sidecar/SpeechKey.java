package io.reelflow.sidecar;

import java.util.Objects;

/**
 * The fields of a speech request that shape its audio, as the sidecar read them off the wire; the
 * server counts syntheses per {@link #hash()} so that tests can assert that a text was never spoken
 * twice.
 *
 * @param model as sent ({@code tts-1} when absent)
 * @param voice as sent, before OpenAI names are mapped ({@value SpeechEngine#DEFAULT_VOICE} when
 *     absent)
 * @param input the text as sent
 * @param speed 0.25..4.0
 * @param responseFormat {@code mp3}, {@code wav}, …
 */
public record SpeechKey(
        String model, String voice, String input, double speed, String responseFormat) {

    public SpeechKey {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(voice, "voice");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(responseFormat, "responseFormat");
    }

    /** SHA-256 (hex) of the fields, one per line, after the tag {@code speech-v1}. */
    public String hash() {
        return SubmissionKey.sha256(
                String.join(
                        "\n",
                        "speech-v1",
                        model,
                        voice,
                        input,
                        Double.toString(speed),
                        responseFormat));
    }
}
