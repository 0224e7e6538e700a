package io.reelflow.operators.language.internal;

import com.github.pemistahl.lingua.api.IsoCode639_3;
import com.github.pemistahl.lingua.api.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * A first pass with Apache OpenNLP's maximum entropy detector ({@code langdetect-183}), which costs
 * about a seventh of Lingua per paragraph. It answers only when it is clearly sure of a language
 * Lingua also knows and that has no close neighbour; everything else goes to the {@link Vote} of
 * OpenNLP's {@link Prediction} and Lingua. On the UDHR evaluation the first pass answers 44 % of
 * the paragraphs, all of them right (see benchmarks/README.md), which keeps throughput near 2,000
 * paragraphs per core.
 *
 * <p>Thread-safe: {@link LanguageDetectorME#predictLanguages} keeps no state between calls.
 */
public final class FastPath {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    /** The best language must be at least this many times as probable as the runner-up. */
    static final double MIN_RATIO = 2.0;

    /**
     * The error rate allowed for an answer at exactly {@link #MIN_RATIO}. OpenNLP's probabilities
     * are spread over 103 languages (a clear English sentence gets about 0.1), so they are no
     * confidence; what is known is how often its sure answers are right: 99.8 % of the UDHR
     * evaluation's paragraphs it answered. The confidence reported is {@code 1 - 0.02 * (2 /
     * ratio)^2}: 0.98 at the threshold, nearer 1 the clearer the winner.
     */
    static final double ERROR_AT_MIN_RATIO = 0.02;

    /** Shorter texts go to Lingua: OpenNLP's character n-grams need more text than Lingua's. */
    static final int MIN_LETTERS = 50;

    /**
     * Groups of languages OpenNLP cannot tell apart: Bosnian/Croatian/Serbian, Indonesian/Malay,
     * Danish/Norwegian, and the Bantu languages, which it answers as Zulu or Swahili (it has no
     * model for Xhosa's neighbours Sotho, Tswana, Tsonga, Shona and Ganda). Within a group only
     * Lingua's evidence counts: the first pass leaves them to Lingua, and in {@link Vote} OpenNLP's
     * probability for a member is that of its group.
     */
    static final List<Set<String>> CLOSE_NEIGHBOURS =
            List.of(
                    Set.of("bs", "hr", "sr"),
                    Set.of("id", "ms"),
                    Set.of("da", "nb", "nn"),
                    Set.of("zu", "xh", "st", "tn", "ts", "sn", "lg", "sw"));

    static final Set<String> LEFT_TO_LINGUA =
            CLOSE_NEIGHBOURS.stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** OpenNLP reports some individual languages where Lingua knows the macro-language. */
    private static final Map<String, IsoCode639_3> MACRO_LANGUAGES =
            Map.of(
                    "cmn", IsoCode639_3.ZHO,
                    "pes", IsoCode639_3.FAS,
                    "zsm", IsoCode639_3.MSA,
                    "ekk", IsoCode639_3.EST,
                    "lvs", IsoCode639_3.LAV,
                    "arb", IsoCode639_3.ARA,
                    "swh", IsoCode639_3.SWA,
                    "pnb", IsoCode639_3.PAN);

    private final LanguageDetectorME detector;

    /** OpenNLP's language codes mapped once to the ISO 639-1 codes of languages Lingua knows. */
    private final Map<String, String> codes = new HashMap<>();

    private FastPath(LanguageDetectorME detector) {
        this.detector = detector;
        for (String language : detector.getSupportedLanguages()) {
            toIso639_1(language).ifPresent(code -> codes.put(language, code));
        }
    }

    /** Loads the model from the class path (the {@code opennlp-models-langdetect} artifact). */
    public static FastPath load() {
        try (InputStream in = FastPath.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "OpenNLP language model " + MODEL_RESOURCE + " is not on the class path");
            }
            return new FastPath(new LanguageDetectorME(new LanguageDetectorModel(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sure answer: an ISO 639-1 code and a confidence in 0.98..1 (see {@link
     * #ERROR_AT_MIN_RATIO}).
     */
    public record Answer(String code, double confidence) {}

    /**
     * OpenNLP's opinion of a text: the probability of each language Lingua also knows (by ISO 639-1
     * code; the larger one where two of OpenNLP's languages share a code), and the smallest
     * probability it gave any language, which stands in for the languages it has no model for.
     */
    public record Prediction(
            Map<String, Double> probabilities,
            double floor,
            String best,
            double bestProbability,
            double runnerUpProbability) {

        /** The probability OpenNLP gives {@code code}, or the floor for a language it lacks. */
        public double probability(String code) {
            return probabilities.getOrDefault(code, floor);
        }
    }

    /** Runs OpenNLP once on {@code text}. */
    public Prediction predict(String text) {
        opennlp.tools.langdetect.Language[] ranked = detector.predictLanguages(text);
        Map<String, Double> probabilities = new HashMap<>();
        double floor = 1.0;
        for (opennlp.tools.langdetect.Language language : ranked) {
            floor = Math.min(floor, language.getConfidence());
            String code = codes.get(language.getLang());
            if (code != null) {
                probabilities.merge(code, language.getConfidence(), Math::max);
            }
        }
        return new Prediction(
                probabilities,
                floor,
                ranked.length > 0 ? codes.get(ranked[0].getLang()) : null,
                ranked.length > 0 ? ranked[0].getConfidence() : 0.0,
                ranked.length > 1 ? ranked[1].getConfidence() : 0.0);
    }

    /**
     * The language of {@code text} when OpenNLP is clearly sure, else empty (ask Lingua).
     *
     * @param letters the number of letters in {@code text}, already counted by the caller
     */
    public Optional<Answer> answer(String text, int letters) {
        return letters < MIN_LETTERS ? Optional.empty() : answer(predict(text), letters);
    }

    /** {@link #answer(String, int)} for a text already predicted. */
    public Optional<Answer> answer(Prediction prediction, int letters) {
        if (letters < MIN_LETTERS
                || prediction.best() == null
                || LEFT_TO_LINGUA.contains(prediction.best())) {
            return Optional.empty();
        }
        double best = prediction.bestProbability();
        double runnerUp = prediction.runnerUpProbability();
        if (!(best >= MIN_RATIO * runnerUp)) {
            return Optional.empty();
        }
        double ratio = best / runnerUp;
        double confidence = 1 - ERROR_AT_MIN_RATIO * Math.pow(MIN_RATIO / ratio, 2);
        return Optional.of(new Answer(prediction.best(), confidence));
    }

    /**
     * Whether OpenNLP's most probable language for {@code text} is {@code code}, however unsure.
     * Enough to confirm a part of a text in the language already found for the whole, which is the
     * common case when looking for other languages mixed in.
     */
    public boolean agrees(String text, String code) {
        return code.equals(codes.get(detector.predictLanguage(text).getLang()));
    }

    /** The ISO 639-1 code of an OpenNLP answer, if Lingua knows that language. */
    static Optional<String> toIso639_1(String iso639_3) {
        IsoCode639_3 code = MACRO_LANGUAGES.get(iso639_3);
        if (code == null) {
            try {
                code = IsoCode639_3.valueOf(iso639_3.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            return LanguageCodes.toCode(Language.getByIsoCode639_3(code));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
