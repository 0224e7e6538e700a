package io.reelflow.connectors.speech;

import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.port.SpeechClientFactory;
import java.util.List;

/**
 * The {@link SpeechClientFactory} of the job: picks the adapter by {@link
 * ModelEndpoint#protocol()}. Serializable and stateless, so the job graph ships it to the tasks,
 * which create their clients there.
 *
 * <pre>{@code
 * SpeechClient kokoro = new SpeechClients().create(new ModelEndpoint(
 *         "kokoro", URI.create("http://tts:8880"), SpeechClients.OPENAI_SPEECH, 4,
 *         Map.of("request-timeout", "PT60S")));
 * }</pre>
 */
public final class SpeechClients implements SpeechClientFactory {

    private static final long serialVersionUID = 1L;

    /** {@code POST /v1/audio/speech} (OpenAI, Kokoro-FastAPI, LocalAI, openedai-speech). */
    public static final String OPENAI_SPEECH = "openai-speech";

    /**
     * Kokoro-FastAPI's {@code POST /dev/captioned_speech} (audio and word times), falling back to
     * {@code /v1/audio/speech} where the route is missing.
     */
    public static final String KOKORO_CAPTIONED_SPEECH = "kokoro-captioned-speech";

    public static final List<String> PROTOCOLS = List.of(OPENAI_SPEECH, KOKORO_CAPTIONED_SPEECH);

    /**
     * @throws IllegalArgumentException for an unknown protocol or a bad option, naming the endpoint
     */
    @Override
    public SpeechClient create(ModelEndpoint endpoint) {
        if (OPENAI_SPEECH.equals(endpoint.protocol())) {
            return new OpenAiSpeechClient(SpeechSettings.of(endpoint));
        }
        if (KOKORO_CAPTIONED_SPEECH.equals(endpoint.protocol())) {
            return new KokoroCaptionedSpeechClient(SpeechSettings.of(endpoint));
        }
        throw new IllegalArgumentException(
                "endpoint '"
                        + endpoint.name()
                        + "': unknown speech protocol '"
                        + endpoint.protocol()
                        + "'; use one of "
                        + PROTOCOLS);
    }

    @Override
    public String toString() {
        return "SpeechClients" + PROTOCOLS;
    }
}
