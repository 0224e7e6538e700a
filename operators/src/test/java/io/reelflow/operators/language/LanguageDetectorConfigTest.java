package io.reelflow.operators.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link LanguageDetectorConfig}. */
class LanguageDetectorConfigTest {

    @Test
    void shouldHaveDocumentedDefaults() {
        LanguageDetectorConfig config = LanguageDetectorConfig.defaults();

        assertThat(config.languages()).isEmpty();
        assertThat(config.lowAccuracyMode()).isTrue();
        assertThat(config.minConfidence()).isEqualTo(0.25);
        assertThat(config.fallbackLanguage()).isEqualTo("en");
    }

    @Test
    void shouldNormaliseLanguageCodes() {
        LanguageDetectorConfig config =
                LanguageDetectorConfig.defaults()
                        .withLanguages(Set.of(" EN", "de"))
                        .withFallbackLanguage("DE");

        assertThat(config.languages()).containsExactly("de", "en");
        assertThat(config.fallbackLanguage()).isEqualTo("de");
        assertThat(config.allows("en")).isTrue();
        assertThat(config.allows("fr")).isFalse();
        assertThat(LanguageDetectorConfig.defaults().allows("fr")).isTrue();
    }

    @Test
    void shouldRejectUnknownLanguage() {
        assertThatThrownBy(
                        () -> LanguageDetectorConfig.defaults().withLanguages(Set.of("en", "xx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xx' is not a supported ISO 639-1 code");
    }

    @Test
    void shouldRejectSingleLanguage() {
        assertThatThrownBy(() -> LanguageDetectorConfig.defaults().withLanguages(Set.of("en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two");
    }

    @Test
    void shouldRejectMinConfidenceOutsideUnitInterval() {
        assertThatThrownBy(() -> LanguageDetectorConfig.defaults().withMinConfidence(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minConfidence must be in [0, 1]");
        assertThatThrownBy(() -> LanguageDetectorConfig.defaults().withMinConfidence(Double.NaN))
                .hasMessageContaining("minConfidence");
    }

    @Test
    void shouldRejectMalformedFallbackLanguage() {
        assertThatThrownBy(() -> LanguageDetectorConfig.defaults().withFallbackLanguage("english"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fallbackLanguage must be an ISO 639-1 code or 'und'");
        assertThatThrownBy(() -> LanguageDetectorConfig.defaults().withFallbackLanguage(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("fallbackLanguage");
    }

    @Test
    void shouldSurviveJavaSerialization() throws Exception {
        LanguageDetectorConfig config =
                LanguageDetectorConfig.defaults().withLanguages(Set.of("en", "de", "ja"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }

        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(config).hasSameHashCodeAs(config);
    }

    @Test
    void shouldRejectNegativeMixedLanguageMinChars() {
        assertThatThrownBy(() -> LanguageDetectorConfig.defaults().withMixedLanguageMinChars(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixedLanguageMinChars");
    }

    @Test
    void shouldAcceptScriptOnlyLanguages() {
        LanguageDetectorConfig config =
                LanguageDetectorConfig.defaults().withLanguages(java.util.Set.of("km", "my", "en"));

        assertThat(config.allows("km")).isTrue();
        assertThat(config.allows("de")).isFalse();
        assertThat(LanguageDetectorConfig.defaults().allows("am")).isTrue();
        assertThat(LanguageDetectorConfig.defaults().mixedLanguageMinChars()).isEqualTo(400);
    }
}
