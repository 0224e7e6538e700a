package io.reelflow.operators.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link FastPath}. */
class FastPathTest {

    private static final FastPath FAST_PATH = FastPath.load();

    private static final String ENGLISH =
            "Everyone has the right to life, liberty and security of person. No one shall be held"
                    + " in slavery or servitude.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | " + ENGLISH,
                "de | Jeder hat das Recht auf Leben, Freiheit und Sicherheit der Person. Niemand"
                        + " darf in Sklaverei oder Leibeigenschaft gehalten werden.",
                "fr | Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne."
                        + " Nul ne sera tenu en esclavage ni en servitude.",
            })
    void shouldAnswerClearParagraphsWithHighConfidence(String expected, String text) {
        FastPath.Answer answer = FAST_PATH.answer(text, Confidence.letters(text)).orElseThrow();

        assertThat(answer.code()).isEqualTo(expected);
        assertThat(answer.confidence()).isBetween(0.98, 1.0);
    }

    @Test
    void shouldLeaveShortTextsToLingua() {
        String text = "The sun sets behind the hills.";

        assertThat(FAST_PATH.answer(text, Confidence.letters(text))).isEmpty();
    }

    @Test
    void shouldLeaveLanguagesWithCloseNeighboursToLingua() {
        String croatian =
                "Svatko ima pravo na život, slobodu i osobnu sigurnost. Nitko ne smije biti držan"
                        + " u ropstvu ili u odnosu sličnom ropstvu.";

        assertThat(FAST_PATH.answer(croatian, Confidence.letters(croatian))).isEmpty();
    }

    @Test
    void shouldMapIndividualLanguagesToTheMacroLanguageLinguaKnows() {
        assertThat(FastPath.toIso639_1("cmn")).contains("zh");
        assertThat(FastPath.toIso639_1("pes")).contains("fa");
        assertThat(FastPath.toIso639_1("deu")).contains("de");
        assertThat(FastPath.toIso639_1("vol")).isEmpty();
        assertThat(FastPath.toIso639_1("not-a-code")).isEmpty();
    }

    @Test
    void shouldPredictLinguaLanguagesAndAFloorForLanguagesItLacks() {
        FastPath.Prediction prediction = FAST_PATH.predict(ENGLISH);

        assertThat(prediction.best()).isEqualTo("en");
        assertThat(prediction.probability("en")).isGreaterThan(prediction.probability("de"));
        assertThat(prediction.probability("yo")).isEqualTo(prediction.floor()).isPositive();
        assertThat(prediction.probabilities()).doesNotContainKey("vo");
    }

    @Test
    void shouldConfirmAPartInTheOverallLanguageOnly() {
        assertThat(FAST_PATH.agrees(ENGLISH, "en")).isTrue();
        assertThat(FAST_PATH.agrees(ENGLISH, "de")).isFalse();
    }
}
