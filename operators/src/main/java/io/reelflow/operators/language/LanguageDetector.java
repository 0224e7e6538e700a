package io.reelflow.operators.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import io.reelflow.operators.language.internal.Confidence;
import io.reelflow.operators.language.internal.LanguageCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Detects the language of a request's text with Lingua, honouring the request's language hint.
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

    private LanguageDetector(LanguageDetectorConfig config) {
        this.config = config;
        LanguageDetectorBuilder builder =
                config.languages().isEmpty()
                        ? LanguageDetectorBuilder.fromAllLanguages()
                        : LanguageDetectorBuilder.fromIsoCodes639_1(
                                LanguageCodes.toIsoCodes(config.languages()));
        if (config.lowAccuracyMode()) {
            builder = builder.withLowAccuracyMode();
        }
        // Preloading moves the model loading (seconds) to the operator's open() instead of the
        // first records, and Lingua keeps the models in static maps shared by all detectors.
        this.lingua = builder.withPreloadedLanguageModels().build();
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
     * warning. Blank, undetectable or low-confidence texts get the fallback language with a
     * warning. Never throws for any text or hint.
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
        SortedMap<Language, Double> values =
                devanagari != null && mostlyDevanagari(sample)
                        ? devanagari.computeLanguageConfidenceValues(sample)
                        : lingua.computeLanguageConfidenceValues(sample);
        Optional<String> best =
                values.isEmpty()
                        ? Optional.empty()
                        : LanguageCodes.toCode(values.firstKey()).filter(config::allows);
        if (best.isEmpty()) {
            warnings.add(
                    "could not detect the language; using fallback language '" + fallback() + "'");
            return new DetectedLanguage(fallback(), 0.0, false, warnings);
        }
        double confidence = Confidence.ofBest(values, Confidence.letters(sample));
        if (confidence < config.minConfidence()) {
            warnings.add(
                    String.format(
                            Locale.ROOT,
                            "detected '%s' with confidence %.2f, below the minimum %.2f; using"
                                    + " fallback language '%s'",
                            best.get(),
                            confidence,
                            config.minConfidence(),
                            fallback()));
            return new DetectedLanguage(fallback(), confidence, false, warnings);
        }
        return new DetectedLanguage(best.get(), confidence, false, warnings);
    }

    private String fallback() {
        return config.fallbackLanguage();
    }

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
