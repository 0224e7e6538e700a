package io.reelflow.operators.language.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Combines Lingua's and OpenNLP's evidence for a text into one answer: a weighted sum of their
 * log-likelihoods per language (a logarithmic opinion pool), normalised over Lingua's candidate
 * languages into a posterior. Neither detector wins by rule: OpenNLP, the better one on short
 * texts, outvotes Lingua when Lingua's margin is thin, and Lingua outvotes OpenNLP where its margin
 * is wide or where OpenNLP cannot tell the languages apart ({@link FastPath#CLOSE_NEIGHBOURS}).
 *
 * <p>Score of language {@code c}: {@code OPENNLP_WEIGHT * ln P_opennlp(g(c)) - LINGUA_WEIGHT *
 * letters * (1 / v(c) - 1)}, where {@code v(c)} is Lingua 1.2's relative value (its best language's
 * log-likelihood over that of {@code c}, so the second term is a log-likelihood gap in units of
 * about one nat per letter, see {@link Confidence}) and {@code g(c)} is {@code c}'s group of close
 * neighbours (OpenNLP's best probability in the group). A language OpenNLP has no model for gets
 * the smallest probability OpenNLP gave any language. The two weights were fitted by maximum
 * likelihood of the right language on the UDHR evaluation corpus (paragraphs and their 50- and
 * 20-character prefixes) and checked on the informal fortunes corpus; see benchmarks/README.md.
 */
public final class Vote {

    /** Weight of OpenNLP's log-probability. */
    static final double OPENNLP_WEIGHT = 6.85;

    /** Weight of Lingua's log-likelihood gap (letters times {@code 1/v - 1}). */
    static final double LINGUA_WEIGHT = 0.6;

    private static final Map<String, Set<String>> GROUPS = new HashMap<>();

    static {
        for (Set<String> group : FastPath.CLOSE_NEIGHBOURS) {
            group.forEach(code -> GROUPS.put(code, group));
        }
    }

    private Vote() {}

    /** The pooled answer and its posterior probability. */
    public record Verdict(String code, double confidence) {}

    /**
     * The language with the highest pooled score among Lingua's candidates, or empty when Lingua
     * has none.
     *
     * @param lingua Lingua's relative values by ISO 639-1 code (best 1.0, others in (0, 1]); values
     *     of 0 or less mark languages Lingua ruled out
     * @param openNlp OpenNLP's prediction for the same text
     * @param letters the number of letters in the text
     */
    public static Optional<Verdict> decide(
            Map<String, Double> lingua, FastPath.Prediction openNlp, int letters) {
        double evidence = Math.max(1, letters);
        Map<String, Double> scores = new HashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        String best = null;
        for (Map.Entry<String, Double> entry : lingua.entrySet()) {
            double value = entry.getValue();
            if (!(value > 0.0 && value <= 1.0)) {
                continue;
            }
            double score =
                    OPENNLP_WEIGHT
                                    * Math.log(
                                            Math.max(
                                                    Double.MIN_NORMAL,
                                                    groupProbability(openNlp, entry.getKey())))
                            - LINGUA_WEIGHT * evidence * (1.0 / value - 1.0);
            scores.put(entry.getKey(), score);
            if (score > max) {
                max = score;
                best = entry.getKey();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        double denominator = 0.0;
        for (double score : scores.values()) {
            denominator += Math.exp(score - max);
        }
        return Optional.of(new Verdict(best, 1.0 / denominator));
    }

    private static double groupProbability(FastPath.Prediction openNlp, String code) {
        Set<String> group = GROUPS.get(code);
        if (group == null) {
            return openNlp.probability(code);
        }
        double probability = openNlp.floor();
        for (String member : group) {
            probability = Math.max(probability, openNlp.probability(member));
        }
        return probability;
    }
}
