package io.reelflow.operators.language;

import io.reelflow.operators.language.internal.LanguageCodes;
import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Settings of {@link LanguageDetector}. Equal configs share one detector per JVM.
 *
 * <pre>{@code
 * LanguageDetectorConfig config =
 *         LanguageDetectorConfig.defaults().withLanguages(Set.of("en", "de", "fr"));
 * }</pre>
 *
 * @param languages ISO 639-1 codes the detector chooses from; empty means every language it knows
 *     (Lingua's 75 and 8 more decided by script: am km kn lo ml my or si). If set, at least two
 *     (choosing among one language is no detection).
 * @param lowAccuracyMode Lingua's low accuracy mode: trigram models only, about 60 MB of heap for
 *     all languages instead of about 1.2 GB; less accurate on texts shorter than ~120 characters
 * @param minConfidence a detection below this confidence (0..1) yields {@code fallbackLanguage};
 *     the confidence is the posterior of the pooled vote of Lingua and OpenNLP, so the default 0.25
 *     refuses answers that are three times more likely wrong than right
 * @param fallbackLanguage ISO 639-1 code (or {@code "und"}) used for blank, undetectable or
 *     low-confidence texts, and for texts in a language the detector does not know
 * @param mixedLanguageMinChars texts at least this long are also detected sentence group by
 *     sentence group to report the shares of other languages; 0 turns this off
 * @param fastPath let OpenNLP's detector answer first when it is clearly sure (about 7 times
 *     cheaper than Lingua; see {@code FastPath}); off means Lingua decides every text
 */
public record LanguageDetectorConfig(
        Set<String> languages,
        boolean lowAccuracyMode,
        double minConfidence,
        String fallbackLanguage,
        int mixedLanguageMinChars,
        boolean fastPath)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final boolean DEFAULT_LOW_ACCURACY_MODE = true;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.25;
    public static final String DEFAULT_FALLBACK_LANGUAGE = "en";
    public static final int DEFAULT_MIXED_LANGUAGE_MIN_CHARS = 400;
    public static final boolean DEFAULT_FAST_PATH = true;

    public LanguageDetectorConfig {
        Objects.requireNonNull(languages, "languages");
        SortedSet<String> normalised = new TreeSet<>();
        for (String language : languages) {
            String code =
                    Objects.requireNonNull(language, "languages must not contain null")
                            .trim()
                            .toLowerCase(Locale.ROOT);
            if (!LanguageCodes.isSupported(code)) {
                throw new IllegalArgumentException(
                        "languages: '"
                                + language
                                + "' is not a supported ISO 639-1 code; supported: "
                                + LanguageCodes.supportedCodes());
            }
            normalised.add(code);
        }
        if (normalised.size() == 1) {
            throw new IllegalArgumentException(
                    "languages must be empty (all languages) or name at least two, was "
                            + normalised);
        }
        languages = Collections.unmodifiableSortedSet(normalised);
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException(
                    "minConfidence must be in [0, 1], was " + minConfidence);
        }
        Objects.requireNonNull(fallbackLanguage, "fallbackLanguage");
        fallbackLanguage = fallbackLanguage.trim().toLowerCase(Locale.ROOT);
        if (!fallbackLanguage.equals(DetectedLanguage.UNDETERMINED)
                && !fallbackLanguage.matches("[a-z]{2}")) {
            throw new IllegalArgumentException(
                    "fallbackLanguage must be an ISO 639-1 code or 'und', was '"
                            + fallbackLanguage
                            + "'");
        }
        if (mixedLanguageMinChars < 0) {
            throw new IllegalArgumentException(
                    "mixedLanguageMinChars must be >= 0, was " + mixedLanguageMinChars);
        }
    }

    /** A config with the default {@code mixedLanguageMinChars} and fast path. */
    public LanguageDetectorConfig(
            Set<String> languages,
            boolean lowAccuracyMode,
            double minConfidence,
            String fallbackLanguage) {
        this(
                languages,
                lowAccuracyMode,
                minConfidence,
                fallbackLanguage,
                DEFAULT_MIXED_LANGUAGE_MIN_CHARS,
                DEFAULT_FAST_PATH);
    }

    /**
     * All languages, low accuracy mode, minimum confidence 0.25, fallback {@code "en"}, mixed
     * languages looked for from 400 characters on, OpenNLP fast path on.
     */
    public static LanguageDetectorConfig defaults() {
        return new LanguageDetectorConfig(
                Set.of(),
                DEFAULT_LOW_ACCURACY_MODE,
                DEFAULT_MIN_CONFIDENCE,
                DEFAULT_FALLBACK_LANGUAGE);
    }

    public LanguageDetectorConfig withLanguages(Set<String> newLanguages) {
        return new LanguageDetectorConfig(
                newLanguages,
                lowAccuracyMode,
                minConfidence,
                fallbackLanguage,
                mixedLanguageMinChars,
                fastPath);
    }

    public LanguageDetectorConfig withLowAccuracyMode(boolean enabled) {
        return new LanguageDetectorConfig(
                languages,
                enabled,
                minConfidence,
                fallbackLanguage,
                mixedLanguageMinChars,
                fastPath);
    }

    public LanguageDetectorConfig withMinConfidence(double newMinConfidence) {
        return new LanguageDetectorConfig(
                languages,
                lowAccuracyMode,
                newMinConfidence,
                fallbackLanguage,
                mixedLanguageMinChars,
                fastPath);
    }

    public LanguageDetectorConfig withFallbackLanguage(String newFallbackLanguage) {
        return new LanguageDetectorConfig(
                languages,
                lowAccuracyMode,
                minConfidence,
                newFallbackLanguage,
                mixedLanguageMinChars,
                fastPath);
    }

    public LanguageDetectorConfig withMixedLanguageMinChars(int newMixedLanguageMinChars) {
        return new LanguageDetectorConfig(
                languages,
                lowAccuracyMode,
                minConfidence,
                fallbackLanguage,
                newMixedLanguageMinChars,
                fastPath);
    }

    public LanguageDetectorConfig withFastPath(boolean enabled) {
        return new LanguageDetectorConfig(
                languages,
                lowAccuracyMode,
                minConfidence,
                fallbackLanguage,
                mixedLanguageMinChars,
                enabled);
    }

    /** Whether {@code code} (normalised ISO 639-1) is one the detector may answer. */
    public boolean allows(String code) {
        return languages.isEmpty() ? LanguageCodes.isSupported(code) : languages.contains(code);
    }
}
