package io.reelflow.benchmarks.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link LanguageIdScores}. */
class LanguageIdScoresTest {

    private final LanguageIdScores scores = new LanguageIdScores(Set.of("de", "en")::contains);

    @Test
    void shouldCountOnlyTheRightCodeAsCorrectForCoveredLanguages() {
        scores.add("deu", "de", "de");
        scores.add("deu", "de", "de");
        scores.add("deu", "de", "nl");
        scores.add("deu", "de", "und");

        LanguageIdScores.LanguageScore german = scores.summary(10).perLanguage().get(0);

        assertThat(german.covered()).isTrue();
        assertThat(german.correct()).isEqualTo(2);
        assertThat(german.abstained()).isEqualTo(1);
        assertThat(german.accuracy()).isEqualTo(0.5);
        assertThat(german.wrongAnswers()).containsExactly(java.util.Map.entry("nl", 1));
    }

    @Test
    void shouldCountAbstentionAsCorrectOnlyForUncoveredLanguages() {
        scores.add("npi", "ne", "und");
        scores.add("npi", "ne", "und");
        scores.add("npi", "ne", "hi");
        scores.add("eng", "en", "en");

        LanguageIdScores.Summary summary = scores.summary(10);

        assertThat(summary.languages()).isEqualTo(2);
        assertThat(summary.coveredLanguages()).isEqualTo(1);
        assertThat(summary.accuracy()).isEqualTo(0.75);
        assertThat(summary.coveredAccuracy()).isEqualTo(1.0);
        assertThat(summary.uncoveredAbstentionRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(summary.uncoveredWrong()).isEqualTo(1);
    }

    @Test
    void shouldListWorstLanguagesFirstAndAverageLanguagesForMacroAccuracy() {
        scores.add("eng", "en", "en");
        scores.add("deu", "de", "en");
        scores.add("deu", "de", "de");

        LanguageIdScores.Summary summary = scores.summary(1);

        assertThat(summary.worst())
                .extracting(LanguageIdScores.LanguageScore::label)
                .containsExactly("deu");
        assertThat(summary.macroAccuracy()).isEqualTo(0.75);
        assertThat(summary.accuracy()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(summary.coveredAbstentionRate()).isZero();
    }

    @Test
    void shouldSummariseNothingAsZeros() {
        LanguageIdScores.Summary summary = scores.summary(10);

        assertThat(summary.texts()).isZero();
        assertThat(summary.accuracy()).isZero();
        assertThat(summary.worst()).isEmpty();
    }
}
