package io.reelflow.benchmarks.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link PromptChecks} and the sentences of {@link PromptEvaluation}. */
class PromptChecksTest {

    private static final String GERMAN = "Ein Fischer zieht im Morgengrauen seine Netze an Land.";

    @Test
    void shouldFindSourceWordsAndOtherScriptsButNotKeptNames() throws Exception {
        PromptChecks checks = PromptChecks.standard();

        assertThat(
                        checks.nonEnglish(
                                "cinematic shot of Fischer, Morgengrauen, Netze",
                                List.of(),
                                GERMAN,
                                "de"))
                .containsExactly("Fischer", "Morgengrauen", "Netze");
        assertThat(
                        checks.nonEnglish(
                                "A medium shot of a fisherman hauling a net at dawn.",
                                List.of(),
                                GERMAN,
                                "de"))
                .isEmpty();
        assertThat(
                        checks.nonEnglish(
                                "A medium shot of Иван Петров, a scene from «Долгая дорога».",
                                List.of("Иван Петров", "«Долгая дорога»"),
                                "",
                                "ru"))
                .isEmpty();
        assertThat(checks.nonEnglish("A shot of 渔夫.", List.of(), "", "zh")).containsExactly("渔夫");
    }

    @Test
    void shouldTellAKeywordListFromASentence() {
        assertThat(
                        PromptChecks.fragments(
                                "cinematic shot of fisherman, hauls, nets, onto; neutral mood",
                                "en",
                                List.of()))
                .contains(
                        "does not start with a capital",
                        "does not end with a full stop",
                        "semicolon-separated parts",
                        "one-word clause 'hauls'");
        assertThat(
                        PromptChecks.fragments(
                                "A wide shot of Hamburg, a scene from „Der lange Weg“, natural light.",
                                "de",
                                List.of("Hamburg", "„Der lange Weg“")))
                .isEmpty();
        assertThat(PromptChecks.fragments("A shot of the der Hafen.", "de", List.of()))
                .contains("source stop word 'der'");
        assertThat(PromptChecks.fragments("A wide shot of a, the sea.", "en", List.of()))
                .contains("clause ends with 'a'");
    }

    @Test
    void shouldMatchTheSubjectAsAWholeWord() {
        assertThat(PromptChecks.keepsSubject("A shot of a fisherman.", List.of("fisherman")))
                .isTrue();
        assertThat(PromptChecks.keepsSubject("A shot of fishermen.", List.of("fisherman")))
                .isFalse();
    }

    @Test
    void shouldReadTheBundledSixtySixSentences() throws Exception {
        List<PromptEvaluation.Labelled> sentences = PromptEvaluation.read(null);

        assertThat(sentences).hasSize(66);
        assertThat(sentences)
                .extracting(PromptEvaluation.Labelled::language)
                .containsOnly("en", "de", "es", "fr", "ru", "zh");
        assertThat(
                        PromptEvaluation.parse(
                                new BufferedReader(
                                        new StringReader(
                                                "# c\nde\tfisherman\t\t" + GERMAN + "\n"))))
                .singleElement()
                .satisfies(s -> assertThat(s.kept()).isEmpty());
    }
}
