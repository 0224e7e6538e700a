package io.reelflow.benchmarks.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link RetrievalScores}. */
class RetrievalScoresTest {

    @Test
    void shouldComputePrecisionAtOneAndMeanReciprocalRank() {
        RetrievalScores scores = new RetrievalScores();

        scores.add("en", Set.of("a"), List.of("a", "b"), "a");
        scores.add("en", Set.of("b"), List.of("a", "b"), null);
        scores.add("de", Set.of("c", "d"), List.of("x", "y", "d"), "x");
        scores.add("de", Set.of("z"), List.of("x"), null);

        assertThat(scores.overall()).isEqualTo(new RetrievalScores.Summary(4, 0.25, 0.458, 0.25));
        assertThat(scores.perLanguage().get("en"))
                .isEqualTo(new RetrievalScores.Summary(2, 0.5, 0.75, 0.5));
        assertThat(scores.perLanguage().get("de"))
                .isEqualTo(new RetrievalScores.Summary(2, 0.0, 0.167, 0.0));
    }

    @Test
    void shouldCountNoFitQueriesAnsweredWithNothing() {
        RetrievalScores scores = new RetrievalScores();

        scores.addNegative(null);
        scores.addNegative("a");
        scores.addNegative(null);
        scores.addNegative(null);

        assertThat(scores.negatives()).isEqualTo(4);
        assertThat(scores.negativesRejected()).isEqualTo(0.75);
    }
}
