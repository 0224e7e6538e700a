package io.reelflow.operators.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link Vote}. */
class VoteTest {

    /** OpenNLP sure of Esperanto; it has no model for Sotho, Yoruba or Xhosa. */
    private static final FastPath.Prediction ESPERANTO =
            new FastPath.Prediction(
                    Map.of("eo", 0.30, "it", 0.05, "zu", 0.01), 0.001, "eo", 0.30, 0.05);

    /** OpenNLP answering Zulu for a Xhosa text, as it does for every Nguni language. */
    private static final FastPath.Prediction ZULU =
            new FastPath.Prediction(Map.of("zu", 0.90, "sw", 0.05), 0.0001, "zu", 0.90, 0.05);

    @Test
    void shouldLetOpenNlpOutvoteAThinLinguaMarginOnAShortText() {
        Vote.Verdict verdict =
                Vote.decide(Map.of("st", 1.0, "eo", 0.97, "it", 0.9), ESPERANTO, 25).orElseThrow();

        assertThat(verdict.code()).isEqualTo("eo");
        assertThat(verdict.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void shouldLetAWideLinguaMarginOutvoteOpenNlp() {
        Vote.Verdict verdict =
                Vote.decide(Map.of("it", 1.0, "eo", 0.8), ESPERANTO, 200).orElseThrow();

        assertThat(verdict.code()).isEqualTo("it");
    }

    @Test
    void shouldLeaveCloseNeighboursToLingua() {
        Vote.Verdict verdict =
                Vote.decide(Map.of("xh", 1.0, "zu", 0.97, "en", 0.7), ZULU, 60).orElseThrow();

        assertThat(verdict.code()).isEqualTo("xh");
    }

    @Test
    void shouldBeSureWhenBothAgreeAndUnsureWhenTheyCancelOut() {
        double agreeing =
                Vote.decide(Map.of("eo", 1.0, "it", 0.9), ESPERANTO, 25).orElseThrow().confidence();
        double split =
                Vote.decide(Map.of("it", 1.0, "eo", 0.97), ESPERANTO, 25)
                        .orElseThrow()
                        .confidence();

        assertThat(agreeing).isGreaterThan(0.99);
        assertThat(split).isLessThan(agreeing).isGreaterThan(0.0);
    }

    @Test
    void shouldAnswerNothingWithoutLinguaCandidates() {
        assertThat(Vote.decide(Map.of(), ESPERANTO, 10)).isEmpty();
        assertThat(Vote.decide(Map.of("en", 0.0), ESPERANTO, 10)).isEmpty();
    }
}
