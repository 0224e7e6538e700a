package io.reelflow.sidecar;

import static io.reelflow.sidecar.SpeechEngineAssumptions.assumeInstalled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests for {@link SpeechEngine}. */
class SpeechEngineTest {

    private static SpeechEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = SpeechEngine.create(SpeechEngine.DEFAULT_COMMAND, 2, 4);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void shouldSayHowToInstallWhenTheProgramIsMissing() {
        try (SpeechEngine missing = SpeechEngine.create("/nonexistent/bin/espeak-ng", 1, 1)) {
            assertThat(missing.status().available()).isFalse();
            assertThat(missing.status().description())
                    .startsWith(SpeechEngine.INSTALL_HINT)
                    .contains("/nonexistent/bin/espeak-ng");
            assertThatThrownBy(() -> missing.synthesize("Hello.", "en-us", 1.0))
                    .isInstanceOf(SpeechEngine.EngineUnavailableException.class)
                    .hasMessageContaining("apt-get install espeak-ng");
            assertThatThrownBy(missing::voices)
                    .isInstanceOf(SpeechEngine.EngineUnavailableException.class);
        }
    }

    @Test
    void shouldMapSpeedToWordsPerMinuteWithinEspeakRange() {
        assertThat(SpeechEngine.wordsPerMinute(1.0)).isEqualTo(175);
        assertThat(SpeechEngine.wordsPerMinute(2.0)).isEqualTo(350);
        assertThat(SpeechEngine.wordsPerMinute(4.0)).isEqualTo(700);
        assertThat(SpeechEngine.wordsPerMinute(0.25)).isEqualTo(80);
    }

    @Test
    void shouldDescribeTheInstalledProgram() {
        assumeInstalled(engine);

        assertThat(engine.status().description()).matches("espeak-ng \\d+\\.\\d+\\S* \\(/.+\\)");
        assertThat(engine.status().binary()).isAbsolute();
    }

    @Test
    void shouldResolveLanguageNamesAliasesAndOpenAiVoices() throws Exception {
        assumeInstalled(engine);

        assertThat(engine.resolveVoice("EN-US")).contains("en-us");
        assertThat(engine.resolveVoice("alloy")).contains(SpeechEngine.DEFAULT_VOICE);
        assertThat(engine.resolveVoice("de")).contains("de");
        assertThat(engine.resolveVoice("fr")).contains("fr");
        assertThat(engine.resolveVoice("en+Alex")).contains("en+Alex");
        assertThat(engine.resolveVoice("zh").orElseThrow()).startsWith("cmn");
        assertThat(engine.resolveVoice("af_heart")).isEmpty();
        assertThat(engine.resolveVoice("en+nobody")).isEmpty();
        assertThat(engine.voices())
                .extracting(SpeechVoice::id)
                .contains("en-us", "de", "es", "fr-fr", "ru", "cmn")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseAnUnknownVoiceNamingTheKnownOnes() {
        assumeInstalled(engine);

        assertThatThrownBy(() -> engine.synthesize("Hello.", "af_heart", 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Voice 'af_heart' not found. Available voices: ")
                .hasMessageContaining("en-us");
    }

    @Test
    void shouldSpeakTextThatLooksLikeOptionsAsText() throws Exception {
        assumeInstalled(engine);

        SpeechAudio audio = engine.synthesize("--version -v xx; $(rm -rf /tmp/x)", "en-us", 1.0);

        assertThat(audio.sampleRate()).isEqualTo(SpeechEngine.SAMPLE_RATE);
        assertThat(audio.duration().toMillis()).isGreaterThan(1000);
    }

    @Test
    void shouldSpeakFasterAtHigherSpeed() throws Exception {
        assumeInstalled(engine);
        String text = "The lighthouse keeper climbed the stairs every evening at dusk.";

        double normal = engine.synthesize(text, "en-us", 1.0).duration().toMillis();
        double fast = engine.synthesize(text, "en-us", 2.0).duration().toMillis();

        assertThat(fast / normal).isBetween(0.35, 0.7);
    }
}
