package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Tests for {@link Glossary}. */
class GlossaryTest {

    private static final Glossary GLOSSARY = Glossary.standard();

    @Test
    void shouldCoverTenLanguagesWithSeveralHundredConcepts() {
        assertThat(GLOSSARY.conceptCount()).isBetween(300, 600);
        assertThat(Glossary.LANGUAGES).allMatch(GLOSSARY::covers);
        assertThat(GLOSSARY.covers("nl")).isFalse();
    }

    @Test
    void shouldTranslateInflectedFormsAfterStemming() {
        assertThat(GLOSSARY.concepts("Die Berge spiegeln sich im See.", "de"))
                .contains("mountain", "lake");
        assertThat(GLOSSARY.concepts("Les chevaux galopent.", "fr")).contains("horse");
        assertThat(GLOSSARY.concepts("Горы и деревья.", "ru")).contains("mountain", "tree");
        assertThat(GLOSSARY.concepts("las montañas", "es")).containsExactly("mountain");
    }

    @Test
    void shouldPreferTheLongestPhrase() {
        assertThat(GLOSSARY.concepts("un coucher de soleil sur la mer", "fr"))
                .contains("sunset", "sea")
                .doesNotContain("sun");
        assertThat(GLOSSARY.concepts("湖边的日落", "zh")).contains("sunset");
        assertThat(GLOSSARY.concepts("the living room", "en")).containsExactly("living_room");
    }

    @Test
    void shouldMapEnglishToItsOwnConcepts() {
        assertThat(GLOSSARY.concepts("Puppies play under the trees", "en")).contains("dog", "tree");
    }

    @Test
    void shouldRejectALineWithMissingColumns() {
        assertThatThrownBy(
                        () ->
                                Glossary.parse(
                                        new BufferedReader(
                                                new StringReader("# x\nlake ; See ; lac\n"))))
                .hasMessageContaining("line 2 has 3 columns");
    }

    @Test
    void shouldTurnConceptsIntoTokensAndBack() {
        assertThat(Glossary.conceptToken(" Living  Room ")).isEqualTo("living_room");
        assertThat(Glossary.conceptLabel("living_room")).isEqualTo("living room");
    }
}
