package io.reelflow.operators.scene.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link Segmenter}. */
class SegmenterTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en|4|Mr. Smith arrived. The U.S. team left! Was it late? Yes.",
                "de|3|Die Sonne geht unter. Der See ist still. Es wird Abend.",
                "fr|2|Le soleil se couche. La nuit tombe sur la ville.",
                "ru|3|Солнце садится. Озеро спокойно! Ты видишь?",
                "zh|4|山很高。水很深！你去吗？我去。",
                "ja|3|山は高い。水は深い！行きますか？",
                "ar|3|تغرب الشمس. البحيرة هادئة! هل ترى؟",
                "hi|3|सूरज डूब रहा है। झील शांत है। क्या तुम देखते हो?",
                "es|3|El sol se pone. ¡Qué bonito! ¿Lo ves?",
            })
    void shouldSplitSentences(String language, int expected, String text) {
        Segmenter segmenter = new Segmenter(new ULocale(language), 2.5, 5.0);

        List<Segment> sentences = segmenter.sentences(text);

        assertThat(sentences).hasSize(expected);
        assertThat(sentences).allSatisfy(s -> assertThat(s.sentenceStart()).isTrue());
        assertThat(sentences).allSatisfy(s -> assertThat(s.readingSeconds()).isPositive());
    }

    @Test
    void shouldEndSentenceAtLineBreak() {
        Segmenter segmenter = new Segmenter(ULocale.ROOT, 2.5, 5.0);

        assertThat(segmenter.sentences("Heading without stop\nNext line"))
                .extracting(Segment::text)
                .containsExactly("Heading without stop", "Next line");
    }

    @Test
    void shouldEstimateReadingTimeByWordsOrCharacters() {
        Segmenter segmenter = new Segmenter(ULocale.ROOT, 2.0, 4.0);

        assertThat(segmenter.sentences("one two three four.").get(0).readingSeconds())
                .isEqualTo(2.0);
        assertThat(segmenter.sentences("山很高水很深。").get(0).readingSeconds()).isEqualTo(1.5);
    }

    @Test
    void shouldGlueWordlessSentenceToNeighbour() {
        Segmenter segmenter = new Segmenter(ULocale.ENGLISH, 2.5, 5.0);

        List<Segment> sentences = segmenter.sentences("... Hello there. !!! Goodbye.");

        assertThat(sentences).allSatisfy(s -> assertThat(s.tokens()).isNotEmpty());
        assertThat(String.join(" ", sentences.stream().map(Segment::text).toList()))
                .contains("Hello", "Goodbye", "!!!");
    }

    @Test
    void shouldSplitLongSentenceAtClausePunctuation() {
        Segmenter segmenter = new Segmenter(ULocale.ENGLISH, 1.0, 5.0);
        Segment sentence =
                segmenter.sentences("one two three, four five six, seven eight nine.").get(0);

        List<Segment> pieces = segmenter.split(sentence, 3.0, 100.0);

        assertThat(pieces)
                .extracting(Segment::text)
                .containsExactly("one two three,", "four five six,", "seven eight nine.");
        assertThat(pieces).extracting(Segment::sentenceStart).containsExactly(true, false, false);
    }

    @Test
    void shouldSplitRunOnTextBetweenWords() {
        Segmenter segmenter = new Segmenter(ULocale.ENGLISH, 1.0, 5.0);
        Segment sentence = segmenter.sentences("a b c d e f g h").get(0);

        List<Segment> pieces = segmenter.split(sentence, 3.0, 5.0);

        assertThat(pieces).extracting(Segment::text).containsExactly("a b c", "d e f", "g h");
    }

    @Test
    void shouldSplitThaiAtSpacesBetweenPhrases() {
        Segmenter segmenter = new Segmenter(new ULocale("th"), 2.5, 5.0);
        Segment sentence =
                segmenter.sentences("ดวงอาทิตย์ตกหลังภูเขา ทะเลสาบสงบ เด็กๆหัวเราะ").get(0);

        List<Segment> pieces = segmenter.split(sentence, 2.0, 100.0);

        assertThat(pieces)
                .extracting(Segment::text)
                .containsExactly("ดวงอาทิตย์ตกหลังภูเขา", "ทะเลสาบสงบ", "เด็กๆหัวเราะ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|\"Where are you going?\" she asked. \"Home,\" he said.|\"Where are you going?\" she asked.|\"Home,\" he said.",
                "fr|« Viens ! » dit-il. Il part.|« Viens ! » dit-il.|Il part.",
                "ja|「どこへ行くの？」と彼女は聞いた。「家へ」|「どこへ行くの？」と彼女は聞いた。|「家へ」",
                "de|„Komm!“ Er ging.|„Komm!“|Er ging."
            })
    void shouldKeepQuotedSpeechWithItsSentence(
            String language, String text, String first, String second) {
        List<String> sentences =
                new Segmenter(new ULocale(language), 2.5, 5.0)
                        .sentences(text).stream().map(Segment::text).toList();

        assertThat(sentences).containsExactly(first, second);
    }
}
