package io.reelflow.operators.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link ScriptRules}. */
class ScriptRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "km | មនុស្សទាំងអស់កើតមកមានសេរីភាព និងសមភាព។",
                "my | လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာ ဖြင့် မွေးဖွားလာသူများ ဖြစ်သည်။",
                "lo | ມະນຸດທຸກຄົນເກີດມາມີສິດເສລີພາບ",
                "am | የሰው ልጅ ሁሉ ሲወለድ ነጻና በክብርና በመብትም እኩልነት ያለው ነው።",
                "si | සියලු මනුෂ්‍යයෝ නිදහස්ව උපත ලබා ඇත.",
                "ml | മനുഷ്യരെല്ലാവരും തുല്യാവകാശങ്ങളോടും കൂടി ജനിച്ചിട്ടുള്ളവരാണ്.",
                "kn | ಎಲ್ಲಾ ಮಾನವರೂ ಸ್ವತಂತ್ರರಾಗಿಯೇ ಜನಿಸಿದ್ದಾರೆ.",
                "ka | ყველა ადამიანი იბადება თავისუფალი.",
                "el | Όλοι οι άνθρωποι γεννιούνται ελεύθεροι.",
                "ko | 모든 인간은 태어날 때부터 자유로우며",
                "ja | すべての人間は、生まれながらにして自由である。",
                "zh | 人人生而自由，在尊严和权利上一律平等。",
                "th | มนุษย์ทั้งปวงเกิดมามีอิสระและเสมอภาคกัน",
            })
    void shouldDecideLanguageOfOwnScript(String expected, String text) {
        assertThat(ScriptRules.byScript(text))
                .hasValueSatisfying(
                        verdict -> {
                            assertThat(verdict.code()).isEqualTo(expected);
                            assertThat(verdict.share()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
                        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The sun sets behind the mountains.",
                "Солнце садится за горы.",
                "तुम्हारा नाम क्या है",
                "تغرب الشمس خلف الجبال",
                "12345 !!!",
                "Khmer is written ខ្មែរ but this sentence is mostly English."
            })
    void shouldLeaveSharedScriptsToTheModel(String text) {
        assertThat(ScriptRules.byScript(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ҳар бир инсон ўз фикрини эркин ифода этиш ҳуқуқига эга.",
                "Har bir inson oʻz fikrini erkin ifoda etish huquqiga ega, shu jumladan oʻz"
                        + " e'tiqodida qat'iy turish.",
                "सबै व्यक्तिहरू जन्मजात स्वतन्त्र हुन् र सबैको समान अधिकार छ।"
            })
    void shouldFindEvidenceOfUncoveredLanguages(String text) {
        assertThat(ScriptRules.uncoveredLanguageEvidence(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "सूरज पहाड़ों के पीछे डूब रहा है और शांत झील दिन की आखिरी रोशनी को दर्शा रही है।",
                "सर्व मानवी व्यक्ति जन्मतःच स्वतंत्र आहेत आणि त्यांना समान प्रतिष्ठा आहे.",
                "Каждый человек имеет право на свободу убеждений.",
                "Усе людзі нараджаюцца свабоднымі і роўнымі.",
                "‘Good morning,’ she said to the dog."
            })
    void shouldFindNoEvidenceInCoveredLanguages(String text) {
        assertThat(ScriptRules.uncoveredLanguageEvidence(text)).isEmpty();
    }
}
