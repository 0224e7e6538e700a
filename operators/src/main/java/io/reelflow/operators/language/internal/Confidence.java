package io.reelflow.operators.language.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns Lingua 1.2's relative confidence values into an absolute confidence in 0..1.
 *
 * <p>Lingua 1.2 reports {@code v = L_best / L_other} per language, where {@code L} is the summed
 * log-probability of the text's n-grams; the best language always gets 1.0, so those values say
 * nothing on their own about how sure the detector is. Assuming the log-likelihood of the best
 * language grows by about one nat per letter of text, the log-likelihood gap to another language is
 * {@code letters * (1/v - 1)}, and a softmax over those gaps gives the posterior of the best
 * language under a uniform prior. Short or ambiguous texts thus get low confidence, long texts with
 * a clear winner a confidence near 1.
 */
public final class Confidence {

    /** Assumed log-likelihood (nats) that each letter of text contributes. */
    static final double NATS_PER_LETTER = 1.0;

    private Confidence() {}

    /**
     * The posterior probability of the first (best) language.
     *
     * @param relativeValues Lingua's values, best first (as {@code computeLanguageConfidenceValues}
     *     sorts them); must not be empty
     * @param letters the number of letters in the text Lingua saw
     */
    public static <K> double ofBest(SortedMap<K, Double> relativeValues, int letters) {
        Iterator<Map.Entry<K, Double>> entries = relativeValues.entrySet().iterator();
        entries.next();
        double evidence = NATS_PER_LETTER * Math.max(1, letters);
        double denominator = 1.0;
        while (entries.hasNext()) {
            double value = entries.next().getValue();
            if (value > 0.0 && value <= 1.0) {
                double gap = evidence * (1.0 / value - 1.0);
                denominator += Math.exp(-gap);
            }
        }
        return Math.min(1.0, Math.max(0.0, 1.0 / denominator));
    }

    /** The number of letters in {@code text}, counted by code point. */
    public static int letters(CharSequence text) {
        return (int) text.codePoints().filter(Character::isLetter).count();
    }
}
