package io.reelflow.operators.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link Sentences}. */
class SentencesTest {

    @Test
    void shouldJoinShortSentencesUntilEnoughLetters() {
        String text = "One two. Three four five six. Seven eight nine ten eleven.";

        assertThat(Sentences.groups(text, 15))
                .containsExactly("One two. Three four five six.", " Seven eight nine ten eleven.");
    }

    @Test
    void shouldKeepEveryCharacterAndAttachShortTailToPreviousGroup() {
        String text = "Erster langer Satz hier.\nSecond long sentence there! Ok";

        assertThat(Sentences.groups(text, 10))
                .containsExactly("Erster langer Satz hier.", "\nSecond long sentence there! Ok");
        assertThat(String.join("", Sentences.groups(text, 10))).isEqualTo(text);
    }

    @Test
    void shouldNotCutInsideNumbersOrAbbreviationsWithoutSpace() {
        assertThat(Sentences.groups("Version 1.2.3 is out.", 5))
                .containsExactly("Version 1.2.3 is out.");
    }

    @Test
    void shouldCutAtCjkSentenceEnds() {
        assertThat(Sentences.groups("人人生而自由。在尊严和权利上一律平等。", 3)).hasSize(2);
    }
}
