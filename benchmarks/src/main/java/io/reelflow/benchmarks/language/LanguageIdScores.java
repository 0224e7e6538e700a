package io.reelflow.benchmarks.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Accuracy of one classifier on one corpus. A language the classifier cannot answer ("uncovered",
 * e.g. Nepali for Lingua) is scored by abstention: {@code "und"} is the right answer there and
 * counts as correct, any language code as wrong. For a covered language only its own code is
 * correct; {@code "und"} is a miss. The summary reports covered and uncovered languages separately
 * as well as together.
 */
public final class LanguageIdScores {

    /** The code a classifier answers when it abstains. */
    public static final String UNDETERMINED = "und";

    private final Predicate<String> covers;
    private final Map<String, Counts> byLabel = new TreeMap<>();

    /**
     * @param covers whether the classifier can answer an ISO 639-1 code
     */
    public LanguageIdScores(Predicate<String> covers) {
        this.covers = Objects.requireNonNull(covers, "covers");
    }

    /**
     * Records one answer.
     *
     * @param label the corpus label (ISO 639-3)
     * @param expected the ISO 639-1 code of the label
     * @param answer the classifier's ISO 639-1 code or {@code "und"}
     */
    public void add(String label, String expected, String answer) {
        Counts counts =
                byLabel.computeIfAbsent(label, l -> new Counts(expected, covers.test(expected)));
        counts.texts++;
        if (UNDETERMINED.equals(answer)) {
            counts.abstained++;
        } else if (expected.equals(answer)) {
            counts.right++;
        } else {
            counts.wrongAnswers.merge(answer, 1, Integer::sum);
        }
    }

    /** Scores per language and overall; {@code worstCount} languages are listed as the worst. */
    public Summary summary(int worstCount) {
        List<LanguageScore> languages = new ArrayList<>();
        byLabel.forEach((label, counts) -> languages.add(counts.score(label)));
        int texts = 0;
        int correct = 0;
        int coveredTexts = 0;
        int coveredCorrect = 0;
        int coveredAbstained = 0;
        int uncoveredTexts = 0;
        int uncoveredAbstained = 0;
        int coveredLanguages = 0;
        double accuracySum = 0;
        for (LanguageScore score : languages) {
            texts += score.texts();
            correct += score.correct();
            accuracySum += score.accuracy();
            if (score.covered()) {
                coveredLanguages++;
                coveredTexts += score.texts();
                coveredCorrect += score.correct();
                coveredAbstained += score.abstained();
            } else {
                uncoveredTexts += score.texts();
                uncoveredAbstained += score.abstained();
            }
        }
        List<LanguageScore> worst = new ArrayList<>(languages);
        worst.sort(
                Comparator.comparingDouble(LanguageScore::accuracy)
                        .thenComparing(LanguageScore::label));
        return new Summary(
                texts,
                languages.size(),
                coveredLanguages,
                ratio(correct, texts),
                languages.isEmpty() ? 0.0 : accuracySum / languages.size(),
                ratio(coveredCorrect, coveredTexts),
                ratio(coveredAbstained, coveredTexts),
                ratio(uncoveredAbstained, uncoveredTexts),
                uncoveredTexts - uncoveredAbstained,
                worst.subList(0, Math.min(worstCount, worst.size())),
                languages);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /**
     * Overall figures.
     *
     * @param texts texts scored
     * @param languages labels seen
     * @param coveredLanguages labels whose language the classifier can answer
     * @param accuracy share of correct answers over all texts (abstention is correct on uncovered
     *     languages only)
     * @param macroAccuracy mean of the per-language accuracies
     * @param coveredAccuracy share of correct answers over texts of covered languages
     * @param coveredAbstentionRate share of {@code "und"} over texts of covered languages
     * @param uncoveredAbstentionRate share of {@code "und"} over texts of uncovered languages
     * @param uncoveredWrong texts of uncovered languages given a (necessarily wrong) language
     * @param worst the languages with the lowest accuracy, worst first
     * @param perLanguage every language, by label
     */
    public record Summary(
            int texts,
            int languages,
            int coveredLanguages,
            double accuracy,
            double macroAccuracy,
            double coveredAccuracy,
            double coveredAbstentionRate,
            double uncoveredAbstentionRate,
            int uncoveredWrong,
            List<LanguageScore> worst,
            List<LanguageScore> perLanguage) {}

    /**
     * Figures of one language.
     *
     * @param correct right code if covered, {@code "und"} if not
     * @param wrongAnswers answers other than the right code and {@code "und"}, by code
     */
    public record LanguageScore(
            String label,
            String code,
            boolean covered,
            int texts,
            int correct,
            int abstained,
            double accuracy,
            Map<String, Integer> wrongAnswers) {}

    private static final class Counts {
        private final String code;
        private final boolean covered;
        private int texts;
        private int right;
        private int abstained;
        private final Map<String, Integer> wrongAnswers = new TreeMap<>();

        Counts(String code, boolean covered) {
            this.code = code;
            this.covered = covered;
        }

        LanguageScore score(String label) {
            int correct = covered ? right : abstained;
            Map<String, Integer> wrong = new LinkedHashMap<>();
            wrongAnswers.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> wrong.put(e.getKey(), e.getValue()));
            return new LanguageScore(
                    label,
                    code,
                    covered,
                    texts,
                    correct,
                    abstained,
                    texts == 0 ? 0.0 : (double) correct / texts,
                    wrong);
        }
    }
}
