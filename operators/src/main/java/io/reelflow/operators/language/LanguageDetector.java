package io.reelflow.operators.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.reelflow.operators.language.internal.Confidence;
import io.reelflow.operators.language.internal.FastPath;
import io.reelflow.operators.language.internal.LanguageCodes;
import io.reelflow.operators.language.internal.ScriptRules;
import io.reelflow.operators.language.internal.Sentences;
import io.reelflow.operators.language.internal.Vote;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Detects the language of a request's text with Lingua, after script rules and a cheaper OpenNLP
 * first pass that answers only when clearly sure, honouring the request's language hint.
 * Thread-safe; get it with {@link #shared(LanguageDetectorConfig)} so each JVM (task manager) loads
 * Lingua's models once, whatever the number of subtasks.
 *
 * <pre>{@code
 * DetectedLanguage language =
 *         LanguageDetector.shared(LanguageDetectorConfig.defaults()).detect(text, request.getLanguageHint());
 * }</pre>
 */
public final class LanguageDetector {

    /**
     * Lingua reads at most this many characters of a text: accuracy is saturated long before, and
     * its cost grows with the length of the text.
     */
    public static final int MAX_SAMPLE_CHARS = 1_000;

    /**
     * Letters a sentence group needs before its language is trusted for mixed-language shares:
     * enough for the fast path to confirm most groups, so long texts cost few Lingua calls (a share
     * below one such group is under {@link #MIN_OTHER_SHARE} of a 400-letter text anyway).
     */
    static final int MIXED_GROUP_MIN_LETTERS = 80;

    /** Sentence groups examined for mixed-language shares, which bounds the cost of long texts. */
    static final int MAX_MIXED_GROUPS = 20;

    /** Languages with a smaller share of a text are not reported as mixed in. */
    static final double MIN_OTHER_SHARE = 0.1;

    private static final ConcurrentMap<LanguageDetectorConfig, LanguageDetector> SHARED =
            new ConcurrentHashMap<>();

    private final LanguageDetectorConfig config;
    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    /**
     * High accuracy detector for Devanagari texts. Lingua's low accuracy mode drops vowel signs
     * (combining marks) and then finds few or no trigrams in short Hindi words, so it answers
     * nothing or Marathi for many Hindi sentences; the full models of the two Devanagari languages
     * cost about 3 MB.
     */
    private final com.github.pemistahl.lingua.api.LanguageDetector devanagari;

    /** OpenNLP's cheaper first pass, or null when the config turns it off. */
    private final FastPath fastPath;

    private LanguageDetector(LanguageDetectorConfig config) {
        this.config = config;
        this.lingua = buildLingua(config);
        this.fastPath = config.fastPath() ? FastPath.load() : null;
        this.devanagari =
                config.lowAccuracyMode()
                                && Language.allWithDevanagariScript().stream()
                                        .anyMatch(l -> config.allows(LanguageCodes.toCode(l).get()))
                        ? LanguageDetectorBuilder.fromLanguages(
                                        Language.allWithDevanagariScript().toArray(new Language[0]))
                                .withPreloadedLanguageModels()
                                .build()
                        : null;
    }

    /**
     * Lingua for the configured languages it has models for, or null if none. Lingua needs two
     * languages to choose from, so a single one gets a companion whose answers the detector treats
     * as "not configured".
     */
    private static com.github.pemistahl.lingua.api.LanguageDetector buildLingua(
            LanguageDetectorConfig config) {
        LanguageDetectorBuilder builder;
        if (config.languages().isEmpty()) {
            builder = LanguageDetectorBuilder.fromAllLanguages();
        } else {
            IsoCode639_1[] codes = LanguageCodes.toIsoCodes(config.languages());
            if (codes.length == 0) {
                return null;
            }
            if (codes.length == 1) {
                IsoCode639_1 companion =
                        codes[0] == IsoCode639_1.EN ? IsoCode639_1.DE : IsoCode639_1.EN;
                codes = new IsoCode639_1[] {codes[0], companion};
            }
            builder = LanguageDetectorBuilder.fromIsoCodes639_1(codes);
        }
        if (config.lowAccuracyMode()) {
            builder = builder.withLowAccuracyMode();
        }
        // Preloading moves the model loading (seconds) to the operator's open() instead of the
        // first records, and Lingua keeps the models in static maps shared by all detectors.
        return builder.withPreloadedLanguageModels().build();
    }

    /**
     * The detector for {@code config}, created (and its models loaded) on first use; later calls
     * with an equal config return the same instance.
     */
    public static LanguageDetector shared(LanguageDetectorConfig config) {
        Objects.requireNonNull(config, "config");
        return SHARED.computeIfAbsent(config, LanguageDetector::new);
    }

    public LanguageDetectorConfig config() {
        return config;
    }

    /**
     * The language of {@code text}. A valid {@code languageHint} (ISO 639-1 or a language tag such
     * as {@code "de-DE"}, among the configured languages) wins; an invalid one is ignored with a
     * warning. Blank, undetectable or low-confidence texts, and texts in a language the detector
     * does not know, get the fallback language with a warning. Long texts in several languages
     * report the dominant one and the shares of the others. Never throws for any text or hint.
     *
     * @param text the request's text; null is treated as blank
     * @param languageHint the request's hint; null or blank means none
     */
    public DetectedLanguage detect(String text, String languageHint) {
        List<String> warnings = new ArrayList<>(2);
        if (languageHint != null && !languageHint.isBlank()) {
            Optional<String> hinted = LanguageCodes.parseHint(languageHint);
            if (hinted.isPresent() && config.allows(hinted.get())) {
                return new DetectedLanguage(hinted.get(), 1.0, true, warnings);
            }
            warnings.add(
                    "ignored language hint '"
                            + LanguageCodes.quotable(languageHint)
                            + "': "
                            + (hinted.isPresent()
                                    ? "not among the configured languages"
                                    : "not a known ISO 639-1 language code"));
        }
        if (text == null || text.isBlank()) {
            warnings.add("text is blank; using fallback language '" + fallback() + "'");
            return new DetectedLanguage(fallback(), 0.0, false, warnings);
        }
        String sample = sample(text);
        Guess guess = guess(sample);
        if (guess.code() == null) {
            warnings.add(guess.problem() + "; using fallback language '" + fallback() + "'");
            return new DetectedLanguage(fallback(), guess.confidence(), false, warnings);
        }
        if (guess.confidence() < config.minConfidence()) {
            warnings.add(
                    String.format(
                            Locale.ROOT,
                            "detected '%s' with confidence %.2f, below the minimum %.2f; using"
                                    + " fallback language '%s'",
                            guess.code(),
                            guess.confidence(),
                            config.minConfidence(),
                            fallback()));
            return new DetectedLanguage(fallback(), guess.confidence(), false, warnings);
        }
        if (config.mixedLanguageMinChars() > 0 && text.length() >= config.mixedLanguageMinChars()) {
            List<LanguageShare> shares = shares(text, guess.code());
            if (shares.size() > 1) {
                warnings.add(mixedWarning(shares));
                String dominant = shares.get(0).code();
                double confidence =
                        dominant.equals(guess.code()) ? guess.confidence() : shares.get(0).share();
                return new DetectedLanguage(
                        dominant, confidence, false, warnings, shares.subList(1, shares.size()));
            }
        }
        return new DetectedLanguage(guess.code(), guess.confidence(), false, warnings);
    }

    /**
     * The language of one sample: first evidence of a language the detector does not know, then the
     * script rules, then Lingua. A guess without a code carries the reason in {@code problem}.
     */
    private Guess guess(String rawSample) {
        String sample = Normalizer.normalize(rawSample, Normalizer.Form.NFC);
        Optional<String> uncovered = ScriptRules.uncoveredLanguageEvidence(sample);
        if (uncovered.isPresent()) {
            return new Guess(
                    null,
                    0.0,
                    "the text looks like a language the detector does not know ("
                            + uncovered.get()
                            + ")");
        }
        Optional<ScriptRules.ScriptVerdict> byScript = ScriptRules.byScript(sample);
        if (byScript.isPresent()) {
            String code = byScript.get().code();
            return config.allows(code)
                    ? new Guess(code, byScript.get().share(), null)
                    : new Guess(
                            null,
                            0.0,
                            "the text's script says '"
                                    + code
                                    + "', not among the configured languages");
        }
        if (lingua == null) {
            return new Guess(null, 0.0, "could not detect the language");
        }
        boolean devanagariText = devanagari != null && mostlyDevanagari(sample);
        int letters = Confidence.letters(sample);
        FastPath.Prediction openNlp = null;
        if (fastPath != null) {
            openNlp = fastPath.predict(sample);
            Optional<FastPath.Answer> sure =
                    devanagariText
                            ? Optional.empty()
                            : fastPath.answer(openNlp, letters)
                                    .filter(a -> config.allows(a.code()));
            if (sure.isPresent()) {
                return new Guess(sure.get().code(), sure.get().confidence(), null);
            }
        }
        SortedMap<Language, Double> values =
                devanagariText
                        ? devanagari.computeLanguageConfidenceValues(sample)
                        : lingua.computeLanguageConfidenceValues(sample);
        if (openNlp != null) {
            return Vote.decide(byCode(values), openNlp, letters)
                    .filter(v -> config.allows(v.code()))
                    .map(v -> new Guess(v.code(), v.confidence(), null))
                    .orElseGet(() -> new Guess(null, 0.0, "could not detect the language"));
        }
        Optional<String> best =
                values.isEmpty()
                        ? Optional.empty()
                        : LanguageCodes.toCode(values.firstKey()).filter(config::allows);
        if (best.isEmpty()) {
            return new Guess(null, 0.0, "could not detect the language");
        }
        return new Guess(best.get(), Confidence.ofBest(values, letters), null);
    }

    /** Lingua's values by ISO 639-1 code. */
    private static Map<String, Double> byCode(SortedMap<Language, Double> values) {
        Map<String, Double> byCode = new HashMap<>();
        values.forEach(
                (language, value) ->
                        LanguageCodes.toCode(language).ifPresent(code -> byCode.put(code, value)));
        return byCode;
    }

    /**
     * Letter shares of the languages of a text's sentence groups, largest first; languages under
     * {@link #MIN_OTHER_SHARE} and undetectable groups are left out. A group that the fast path
     * confirms to be in the text's overall language costs no Lingua call.
     */
    private List<LanguageShare> shares(String text, String overall) {
        List<String> sentenceGroups = Sentences.groups(text, MIXED_GROUP_MIN_LETTERS);
        if (sentenceGroups.size() < 2) {
            // one group is the whole text again and cannot hold two languages
            return List.of();
        }
        Map<String, Integer> letters = new HashMap<>();
        int total = 0;
        int groups = 0;
        for (String group : sentenceGroups) {
            if (++groups > MAX_MIXED_GROUPS) {
                break;
            }
            String groupSample = sample(group);
            Guess guess =
                    fastPath != null && fastPath.agrees(groupSample, overall)
                            ? new Guess(overall, 1.0, null)
                            : guess(groupSample);
            int groupLetters = Confidence.letters(group);
            total += groupLetters;
            if (guess.code() != null && guess.confidence() >= config.minConfidence()) {
                letters.merge(guess.code(), groupLetters, Integer::sum);
            }
        }
        if (letters.size() < 2) {
            return List.of();
        }
        int counted = total;
        List<LanguageShare> shares = new ArrayList<>();
        letters.forEach(
                (code, n) -> {
                    double share = (double) n / counted;
                    if (share >= MIN_OTHER_SHARE) {
                        shares.add(new LanguageShare(code, share));
                    }
                });
        shares.sort(Comparator.comparingDouble(LanguageShare::share).reversed());
        return shares;
    }

    private static String mixedWarning(List<LanguageShare> shares) {
        StringBuilder sb = new StringBuilder("mixed:");
        for (int i = 0; i < shares.size(); i++) {
            sb.append(i == 0 ? " " : ", ")
                    .append(Math.round(shares.get(i).share() * 100))
                    .append("% ")
                    .append(shares.get(i).code());
        }
        return sb.toString();
    }

    private String fallback() {
        return config.fallbackLanguage();
    }

    /** The outcome of one detection: a code with its confidence, or no code and why. */
    private record Guess(String code, double confidence, String problem) {}

    private static boolean mostlyDevanagari(String text) {
        long letters = 0;
        long devanagariLetters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.DEVANAGARI) {
                    devanagariLetters++;
                }
            }
        }
        return devanagariLetters * 2 > letters;
    }

    /** The start of {@code text}, cut at a whitespace so Lingua sees no half word. */
    private static String sample(String text) {
        if (text.length() <= MAX_SAMPLE_CHARS) {
            return text;
        }
        int end = MAX_SAMPLE_CHARS;
        while (end > MAX_SAMPLE_CHARS / 2 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (end == MAX_SAMPLE_CHARS / 2) {
            end = MAX_SAMPLE_CHARS; // a script without spaces
        }
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }
}
