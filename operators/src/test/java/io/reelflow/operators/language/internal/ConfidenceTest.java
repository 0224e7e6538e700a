package io.reelflow.operators.language.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Tests for {@link Confidence}. */
class ConfidenceTest {

    @Test
    void shouldBeCertainWithoutCompetitors() {
        assertThat(Confidence.ofBest(values(Map.of("a", 1.0)), 3)).isEqualTo(1.0);
    }

    @Test
    void shouldBeHalfForTie() {
        assertThat(Confidence.ofBest(values(Map.of("a", 1.0, "b", 1.0)), 50))
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void shouldGrowWithTextLength() {
        SortedMap<String, Double> values = values(Map.of("a", 1.0, "b", 0.95, "c", 0.9));

        double shortText = Confidence.ofBest(values, 5);
        double longText = Confidence.ofBest(values, 200);

        assertThat(shortText).isLessThan(0.5);
        assertThat(longText).isGreaterThan(0.99).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shouldCountLettersByCodePoint() {
        assertThat(Confidence.letters("ab 1 𝒜 中!")).isEqualTo(4);
    }

    /** Lingua's sorted map, best first; keys sort in insertion order of descending value. */
    private static SortedMap<String, Double> values(Map<String, Double> values) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        values.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        TreeMap<String, Double> sorted =
                new TreeMap<>(
                        (x, y) -> {
                            int byValue = Double.compare(ordered.get(y), ordered.get(x));
                            return byValue != 0 ? byValue : x.compareTo(y);
                        });
        sorted.putAll(ordered);
        return sorted;
    }
}
