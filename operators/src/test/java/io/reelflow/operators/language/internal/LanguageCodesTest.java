package io.reelflow.operators.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link LanguageCodes}. */
class LanguageCodesTest {

    @ParameterizedTest
    @CsvSource({
        "en,en",
        "EN,en",
        "en-US,en",
        "pt_BR,pt",
        "zh-Hant-TW,zh",
        "iw,he",
        "no,nb",
        "deu,de",
        "rus,ru"
    })
    void shouldParseHintToIsoCode(String hint, String expected) {
        assertThat(LanguageCodes.parseHint(hint)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "xx", "english", "-de", "qaa"})
    void shouldRejectHintThatNamesNoSupportedLanguage(String hint) {
        assertThat(LanguageCodes.parseHint(hint)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "zh", "ja", "ar", "hi", "ru", "nb", "nn"})
    void shouldSupportLinguaLanguages(String code) {
        assertThat(LanguageCodes.isSupported(code)).isTrue();
        assertThat(LanguageCodes.toCode(LanguageCodes.toLingua(code))).contains(code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"\u0000\u0007abc", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void shouldQuoteHintWithoutControlCharactersAndBounded(String hint) {
        String quoted = LanguageCodes.quotable(hint);

        assertThat(quoted).doesNotContain("\u0000", "\u0007").hasSizeLessThanOrEqualTo(35);
    }
}
