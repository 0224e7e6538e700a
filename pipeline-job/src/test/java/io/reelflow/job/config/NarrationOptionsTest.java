package io.reelflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.speech.KokoroCaptionedSpeechClient;
import io.reelflow.connectors.speech.OpenAiSpeechClient;
import io.reelflow.connectors.speech.SpeechClients;
import io.reelflow.operators.narration.NarrationConfig;
import io.reelflow.operators.port.ModelEndpoint;
import io.reelflow.operators.port.SpeechClient;
import io.reelflow.operators.request.RequestRules;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Tests for {@link NarrationOptions}. */
class NarrationOptionsTest {

    private static NarrationConfig read(boolean wordTimestamps) {
        Configuration config = new Configuration();
        config.set(NarrationOptions.URL, List.of("http://tts-0:8880", "http://tts-1:8880"));
        config.set(NarrationOptions.WORD_TIMESTAMPS, wordTimestamps);
        return NarrationOptions.read(config, RequestRules.defaults());
    }

    @Test
    void shouldSpeakTheOpenAiProtocolUnlessWordTimestampsAreAskedFor() {
        assertThat(read(false).endpoints())
                .extracting(ModelEndpoint::protocol)
                .containsExactly(SpeechClients.OPENAI_SPEECH, SpeechClients.OPENAI_SPEECH);
        assertThat(read(true).endpoints())
                .extracting(ModelEndpoint::protocol)
                .containsExactly(
                        SpeechClients.KOKORO_CAPTIONED_SPEECH,
                        SpeechClients.KOKORO_CAPTIONED_SPEECH);
    }

    @Test
    void shouldGiveEachProtocolItsClient() {
        try (SpeechClient plain = new SpeechClients().create(read(false).endpoints().get(0));
                SpeechClient captioned =
                        new SpeechClients().create(read(true).endpoints().get(0))) {
            assertThat(plain).isInstanceOf(OpenAiSpeechClient.class);
            assertThat(captioned).isInstanceOf(KokoroCaptionedSpeechClient.class);
        }
    }
}
