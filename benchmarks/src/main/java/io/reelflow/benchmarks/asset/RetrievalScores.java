package io.reelflow.benchmarks.asset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision at 1 and mean reciprocal rank of labelled retrieval queries, overall and per language;
 * for queries no asset fits, how often retrieval correctly answered none.
 */
final class RetrievalScores {

    /** Figures of one group of queries. */
    record Summary(
            int queries,
            double precisionAt1,
            double meanReciprocalRank,
            double acceptedAtMinScore) {}

    private final Map<String, double[]> perLanguage = new TreeMap<>();
    private final double[] overall = new double[4];
    private int negatives;
    private int rejected;

    /**
     * Adds one query that has expected answers.
     *
     * @param ranked asset ids best first (the minimum score not applied)
     * @param accepted the asset retrieval chose with the minimum score applied, or null
     */
    void add(String language, Set<String> expected, List<String> ranked, String accepted) {
        double reciprocal = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (expected.contains(ranked.get(i))) {
                reciprocal = 1.0 / (i + 1);
                break;
            }
        }
        double precision = !ranked.isEmpty() && expected.contains(ranked.get(0)) ? 1 : 0;
        double acceptedRight = accepted != null && expected.contains(accepted) ? 1 : 0;
        for (double[] sums :
                List.of(overall, perLanguage.computeIfAbsent(language, l -> new double[4]))) {
            sums[0]++;
            sums[1] += precision;
            sums[2] += reciprocal;
            sums[3] += acceptedRight;
        }
    }

    /** Adds one query no asset fits; {@code accepted} is what retrieval chose, or null. */
    void addNegative(String accepted) {
        negatives++;
        if (accepted == null) {
            rejected++;
        }
    }

    Summary overall() {
        return summary(overall);
    }

    Map<String, Summary> perLanguage() {
        Map<String, Summary> out = new LinkedHashMap<>();
        perLanguage.forEach((language, sums) -> out.put(language, summary(sums)));
        return out;
    }

    int negatives() {
        return negatives;
    }

    /** Share of the no-fit queries that got no asset (1.0 when there are none). */
    double negativesRejected() {
        return negatives == 0 ? 1.0 : (double) rejected / negatives;
    }

    private static Summary summary(double[] sums) {
        double n = Math.max(1, sums[0]);
        return new Summary(
                (int) sums[0], round(sums[1] / n), round(sums[2] / n), round(sums[3] / n));
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
