package io.reelflow.operators.scene.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link Syllables}. */
class SyllablesTest {

    @Test
    void shouldCountVowelGroupsInLatinAndCyrillicWords() {
        assertThat(Syllables.count("beautiful")).isEqualTo(3);
        assertThat(Syllables.count("Straße")).isEqualTo(2);
        assertThat(Syllables.count("organización")).isEqualTo(5);
        assertThat(Syllables.count("молоко")).isEqualTo(3);
        assertThat(Syllables.count("Здравствуйте")).isEqualTo(3);
    }

    @Test
    void shouldCountOnePerHanKanaOrHangulCharacter() {
        assertThat(Syllables.count("你好，世界。")).isEqualTo(4);
        assertThat(Syllables.count("ありがとう")).isEqualTo(5);
        assertThat(Syllables.count("안녕하세요")).isEqualTo(5);
    }

    @Test
    void shouldCountWordsWithoutVowelsDigitsAndDecomposedAccents() {
        assertThat(Syllables.count("TV")).isEqualTo(1);
        assertThat(Syllables.count("don't")).isEqualTo(1);
        assertThat(Syllables.count("1999")).isEqualTo(4);
        assertThat(Syllables.count("cafe\u0301 au lait"))
                .isEqualTo(Syllables.count("café au lait"));
        assertThat(Syllables.count("AI时代")).isEqualTo(3);
    }

    @Test
    void shouldCountNothingInPunctuationAndHalfTheLettersOfOtherScripts() {
        assertThat(Syllables.count(" … — , ")).isZero();
        assertThat(Syllables.count("")).isZero();
        assertThat(Syllables.count("שלום")).isEqualTo(2);
    }

    @Test
    void shouldGiveALongerClauseMoreSyllables() {
        assertThat(Syllables.count("the unbelievably sophisticated organisation deliberated"))
                .isGreaterThan(2 * Syllables.count("strong knights fought through the night"));
    }
}
