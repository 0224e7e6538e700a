package io.reelflow.operators.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link LanguageDetector}. */
class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR =
            LanguageDetector.shared(LanguageDetectorConfig.defaults());

    private static final String ENGLISH =
            "The sun sets behind the mountains while a calm lake reflects the last light of the day.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The sun sets behind the mountains while a calm lake reflects the last light"
                        + " of the day.",
                "de | Die Sonne geht hinter den Bergen unter, während der ruhige See das letzte"
                        + " Licht des Tages spiegelt.",
                "fr | Le soleil se couche derrière les montagnes pendant que le lac calme reflète"
                        + " la dernière lumière du jour.",
                "es | El sol se pone detrás de las montañas mientras el lago tranquilo refleja la"
                        + " última luz del día.",
                "ru | Солнце садится за горы, а спокойное озеро отражает последний свет дня.",
                "zh | 太阳落在山后，平静的湖面倒映着一天中最后的光芒。",
                "ja | 太陽が山の向こうに沈み、静かな湖が一日の最後の光を映している。",
                "ar | تغرب الشمس خلف الجبال بينما تعكس البحيرة الهادئة آخر ضوء في النهار.",
                "hi | सूरज पहाड़ों के पीछे डूब रहा है और शांत झील दिन की आखिरी रोशनी को दर्शा रही है।",
            })
    void shouldDetectLanguageOfSentence(String expected, String sentence) {
        DetectedLanguage detected = DETECTOR.detect(sentence, null);

        assertThat(detected.code()).isEqualTo(expected);
        assertThat(detected.confidence()).isGreaterThanOrEqualTo(0.9).isLessThanOrEqualTo(1.0);
        assertThat(detected.fromHint()).isFalse();
        assertThat(detected.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "DE", "de-DE", "de_AT", " de ", "deu"})
    void shouldLetValidHintWin(String hint) {
        DetectedLanguage detected = DETECTOR.detect(ENGLISH, hint);

        assertThat(detected.code()).isEqualTo("de");
        assertThat(detected.confidence()).isEqualTo(1.0);
        assertThat(detected.fromHint()).isTrue();
        assertThat(detected.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "klingon", "12", "e", "e-n"})
    void shouldIgnoreUnknownHintWithWarning(String hint) {
        DetectedLanguage detected = DETECTOR.detect(ENGLISH, hint);

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.fromHint()).isFalse();
        assertThat(detected.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("ignored language hint")
                .contains("not a known ISO 639-1 language code");
    }

    @Test
    void shouldIgnoreHintOutsideConfiguredLanguages() {
        LanguageDetector detector =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults().withLanguages(Set.of("en", "de")));

        DetectedLanguage detected = detector.detect(ENGLISH, "fr");

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.fromHint()).isFalse();
        assertThat(detected.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("'fr'")
                .contains("not among the configured languages");
    }

    @Test
    void shouldOnlyAnswerConfiguredLanguages() {
        LanguageDetector detector =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults().withLanguages(Set.of("en", "de")));

        DetectedLanguage detected =
                detector.detect("Der Hund läuft schnell über die grüne Wiese im Tal.", null);

        assertThat(detected.code()).isEqualTo("de");
    }

    @Test
    void shouldFallBackWithWarningWhenConfidenceIsLow() {
        DetectedLanguage detected = DETECTOR.detect("lol xd", null);

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.confidence()).isLessThan(0.5);
        assertThat(detected.fromHint()).isFalse();
        assertThat(detected.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("detected '")
                .contains("with confidence 0.")
                .contains("below the minimum 0.25")
                .contains("fallback language 'en'");
    }

    @Test
    void shouldUseConfiguredFallbackLanguage() {
        LanguageDetector detector =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults().withFallbackLanguage("und"));

        DetectedLanguage detected = detector.detect("lol xd", null);

        assertThat(detected.code()).isEqualTo(DetectedLanguage.UNDETERMINED);
        assertThat(detected.isKnown()).isFalse();
    }

    @Test
    void shouldAcceptShortTextWhenMinimumConfidenceIsZero() {
        LanguageDetector detector =
                LanguageDetector.shared(LanguageDetectorConfig.defaults().withMinConfidence(0.0));

        DetectedLanguage detected = detector.detect("lol xd", null);

        assertThat(detected.code()).isNotEqualTo("en");
        assertThat(detected.warnings()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t "})
    void shouldFallBackWithWarningForBlankText(String text) {
        DetectedLanguage detected = DETECTOR.detect(text, null);

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.confidence()).isZero();
        assertThat(detected.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("text is blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345 678", "!!! ??? ...", "🎉🎉🎉", "\u0000\u0001"})
    void shouldFallBackWithWarningForTextWithoutLetters(String text) {
        DetectedLanguage detected = DETECTOR.detect(text, null);

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.warnings()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "मैं कल सुबह बाज़ार जाऊँगा और ताज़ी सब्ज़ियाँ ख़रीदूँगा।",
                "यह एक छोटा सा गाँव है जहाँ लोग खेती करते हैं।",
            })
    void shouldDetectHindiWithShortWordsInLowAccuracyMode(String sentence) {
        assertThat(DETECTOR.detect(sentence, null).code()).isEqualTo("hi");
    }

    @Test
    void shouldStillHonourHintForBlankText() {
        DetectedLanguage detected = DETECTOR.detect("", "ja");

        assertThat(detected.code()).isEqualTo("ja");
        assertThat(detected.fromHint()).isTrue();
    }

    @Test
    void shouldReportBothIgnoredHintAndBlankText() {
        DetectedLanguage detected = DETECTOR.detect(" ", "zz");

        assertThat(detected.warnings()).hasSize(2);
    }

    @Test
    void shouldDetectLongTextFromItsBeginning() {
        String text = "Die Sonne geht hinter den Bergen unter. ".repeat(20_000) + "\uD800";

        DetectedLanguage detected = DETECTOR.detect(text, null);

        assertThat(detected.code()).isEqualTo("de");
    }

    @Test
    void shouldNeverThrowOnUnpairedSurrogatesAndControlCharacters() {
        DetectedLanguage detected =
                DETECTOR.detect(
                        "\uDC00 The river \u0007flows \uD83D into the sea.", "\uD800\u0000");

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.warnings()).anyMatch(w -> w.contains("ignored language hint"));
    }

    @Test
    void shouldShareOneInstancePerEqualConfig() {
        LanguageDetectorConfig config =
                LanguageDetectorConfig.defaults().withLanguages(Set.of("en", "fr", "de"));
        LanguageDetectorConfig equalConfig =
                LanguageDetectorConfig.defaults().withLanguages(Set.of("DE", "fr", " en"));

        assertThat(LanguageDetector.shared(config)).isSameAs(LanguageDetector.shared(equalConfig));
        assertThat(LanguageDetector.shared(LanguageDetectorConfig.defaults())).isSameAs(DETECTOR);
        assertThat(LanguageDetector.shared(config)).isNotSameAs(DETECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "km | មនុស្សទាំងអស់កើតមកមានសេរីភាព និងសមភាព ក្នុងផ្នែកសេចក្តីថ្លៃថ្នូរ និងសិទ្ធិ។",
                "my | လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာ ဖြင့် မွေးဖွားလာသူများ ဖြစ်သည်။",
                "am | የሰው ልጅ ሁሉ ሲወለድ ነጻና በክብርና በመብትም እኩልነት ያለው ነው።",
            })
    void shouldDetectLanguagesLinguaLacksByScript(String expected, String sentence) {
        DetectedLanguage detected = DETECTOR.detect(sentence, null);

        assertThat(detected.code()).isEqualTo(expected);
        assertThat(detected.confidence()).isGreaterThan(0.9);
        assertThat(detected.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"km", "khm", "km-KH"})
    void shouldAcceptHintForScriptOnlyLanguage(String hint) {
        assertThat(DETECTOR.detect(ENGLISH, hint).code()).isEqualTo("km");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "सबै व्यक्तिहरू जन्मजात स्वतन्त्र हुन् र सबैको समान अधिकार छ।",
                "Ҳар бир инсон ўз фикрини эркин ифода этиш ҳуқуқига эга."
            })
    void shouldAbstainRatherThanNameWrongLanguage(String text) {
        LanguageDetector detector =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults().withFallbackLanguage("und"));

        DetectedLanguage detected = detector.detect(text, null);

        assertThat(detected.code()).isEqualTo("und");
        assertThat(detected.isKnown()).isFalse();
        assertThat(detected.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("a language the detector does not know");
    }

    @Test
    void shouldReportDominantLanguageAndShareOfOthersInMixedText() {
        String german =
                "Die Sonne geht hinter den Bergen unter, während der ruhige See das letzte Licht"
                        + " des Tages spiegelt. Am Ufer sitzen zwei alte Freunde und erzählen"
                        + " einander Geschichten aus ihrer Jugend. Langsam wird es kühl, und die"
                        + " ersten Sterne erscheinen über dem dunklen Wald. ";
        String english =
                "Meanwhile the children are running back to the house because dinner is"
                        + " almost ready and nobody wants to be late. Their mother is waiting at"
                        + " the door with a lamp in her hand.";
        DetectedLanguage detected = DETECTOR.detect(german + english, null);

        assertThat(detected.code()).isEqualTo("de");
        assertThat(detected.otherLanguages())
                .singleElement()
                .satisfies(
                        share -> {
                            assertThat(share.code()).isEqualTo("en");
                            assertThat(share.share()).isBetween(0.2, 0.45);
                        });
        assertThat(detected.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("mixed: \\d+% de, \\d+% en");
    }

    @Test
    void shouldReportNoOtherLanguagesForOneLanguageText() {
        String text = (ENGLISH + " ").repeat(8);

        DetectedLanguage detected = DETECTOR.detect(text, null);

        assertThat(detected.code()).isEqualTo("en");
        assertThat(detected.otherLanguages()).isEmpty();
        assertThat(detected.warnings()).isEmpty();
    }

    @Test
    void shouldNotLookForMixedLanguagesInShortTextsOrWhenTurnedOff() {
        String mixed =
                "Die Sonne geht hinter den Bergen unter, während der ruhige See das letzte Licht"
                        + " des Tages spiegelt. "
                        + ENGLISH;
        LanguageDetector off =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults().withMixedLanguageMinChars(0));

        assertThat(DETECTOR.detect(mixed, null).otherLanguages()).isEmpty();
        assertThat(off.detect(mixed.repeat(3), null).otherLanguages()).isEmpty();
    }

    @Test
    void shouldWorkWithOneLinguaLanguageAndOneScriptLanguage() {
        LanguageDetector detector =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults().withLanguages(Set.of("fr", "km")));

        assertThat(detector.detect("មនុស្សទាំងអស់កើតមកមានសេរីភាព", null).code()).isEqualTo("km");
        assertThat(
                        detector.detect(
                                        "Le soleil se couche derrière les montagnes pendant que le"
                                                + " lac reflète la lumière.",
                                        null)
                                .code())
                .isEqualTo("fr");
        assertThat(detector.detect(ENGLISH, null).warnings())
                .anyMatch(w -> w.contains("could not detect"));
    }

    @Test
    void shouldDetectDecomposedVietnameseAfterNormalisation() {
        String decomposed =
                java.text.Normalizer.normalize(
                        "Tất cả mọi người đều bình đẳng trước pháp luật và được pháp luật bảo vệ"
                                + " như nhau.",
                        java.text.Normalizer.Form.NFD);

        assertThat(DETECTOR.detect(decomposed, null).code()).isEqualTo("vi");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Everyone has the right to life, liberty and security of person. No one shall"
                        + " be held in slavery or servitude.",
                "it | Ogni individuo ha diritto alla vita, alla libertà ed alla sicurezza della sua"
                        + " persona. Nessun individuo potrà essere tenuto in stato di schiavitù.",
                "hr | Svatko ima pravo na život, slobodu i osobnu sigurnost. Nitko ne smije biti"
                        + " držan u ropstvu ili u odnosu sličnom ropstvu.",
            })
    void shouldAnswerTheSameWithAndWithoutTheFastPath(String expected, String text) {
        LanguageDetector linguaOnly =
                LanguageDetector.shared(LanguageDetectorConfig.defaults().withFastPath(false));

        assertThat(DETECTOR.detect(text, null).code()).isEqualTo(expected);
        assertThat(linguaOnly.detect(text, null).code()).isEqualTo(expected);
    }

    /** Short informal texts Lingua alone gets wrong (in brackets) and the vote gets right. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "es | Oye, ¿vienes a la fiesta o qué?", // [tl]
                "it | Ma dai, non ci credo!", // [eu]
                "pl | Spoko, zaraz będę.", // [cs]
                "cs | Fakt? To je síla.", // [az]
                "sk | Čo je nové, kamoš?", // [cs]
                "ga | Conas atá tú, a chara?", // [id]
            })
    void shouldLetOpenNlpCorrectLinguaOnShortInformalTexts(String expected, String text) {
        LanguageDetector linguaOnly =
                LanguageDetector.shared(
                        LanguageDetectorConfig.defaults()
                                .withFastPath(false)
                                .withMinConfidence(0.0));

        assertThat(DETECTOR.detect(text, null).code()).isEqualTo(expected);
        assertThat(linguaOnly.detect(text, null).code()).isNotEqualTo(expected);
    }
}
