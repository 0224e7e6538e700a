package io.reelflow.operators.scene.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link PhraseLexicon}. */
class PhraseLexiconTest {

    private static final PhraseLexicon LEXICON =
            PhraseLexicon.builder()
                    .add("en", "close-up", "close-up", "extreme close")
                    .add("en", "aerial", "from above", "drone")
                    .add("de", "sunset", "sonnenuntergang*")
                    .add("fr", "aerial", "d'en haut")
                    .build();

    @Test
    void shouldMatchPhrasesIgnoringCaseAndHyphens() {
        assertThat(labels("A Close-Up, then a close up from ABOVE.", "en"))
                .containsExactly("close-up", "close-up", "aerial");
    }

    @Test
    void shouldMatchStemsAtWordStart() {
        assertThat(labels("Die Sonnenuntergangsstimmung am See.", "de")).containsExactly("sunset");
        assertThat(labels("Kein Untergang.", "de")).isEmpty();
    }

    @Test
    void shouldMatchFrenchPhraseWithElision() {
        assertThat(labels("Vue d'en haut de la ville.", "fr")).containsExactly("aerial");
    }

    @Test
    void shouldMatchOnlyOwnLanguageUnlessEnglishEverywhere() {
        assertThat(labels("A drone over the Sonnenuntergang.", "de")).containsExactly("sunset");
        PhraseLexicon everywhere =
                PhraseLexicon.builder()
                        .englishInEveryLanguage()
                        .add("en", "aerial", "drone")
                        .build();
        assertThat(everywhere.find(Tokenizer.tokenize("Eine drone fliegt.", ULocale.GERMAN), "de"))
                .extracting(PhraseLexicon.Match::label)
                .containsExactly("aerial");
    }

    @Test
    void shouldUseAllListsForOtherLanguages() {
        assertThat(labels("drone sonnenuntergang", "it")).containsExactly("aerial", "sunset");
    }

    @Test
    void shouldRejectPhraseWithoutWords() {
        assertThatThrownBy(() -> PhraseLexicon.builder().add("en", "x", "!!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phrase without words");
    }

    private static List<String> labels(String text, String language) {
        return LEXICON.find(Tokenizer.tokenize(text, new ULocale(language)), language).stream()
                .map(PhraseLexicon.Match::label)
                .toList();
    }
}
