package io.reelflow.operators.language;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The language of a text as decided by {@link LanguageDetector}.
 *
 * @param code ISO 639-1 code, or {@code "und"} when unknown (only if the fallback is {@code "und"})
 * @param confidence 0..1; 1.0 for a hint; when the best guess was replaced by the fallback
 *     language, the (low) confidence of that guess, so callers can see how unsure detection was
 * @param fromHint whether the request's language hint decided the language
 * @param warnings human-readable notes (ignored hint, fallback used, mixed languages); never null
 * @param otherLanguages for a long text written in several languages, the shares of the languages
 *     other than {@code code}, largest first; empty otherwise, never null
 */
public record DetectedLanguage(
        String code,
        double confidence,
        boolean fromHint,
        List<String> warnings,
        List<LanguageShare> otherLanguages)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Code for an undetermined language (ISO 639-2 "und"). */
    public static final String UNDETERMINED = "und";

    public DetectedLanguage {
        Objects.requireNonNull(code, "code");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        otherLanguages = otherLanguages == null ? List.of() : List.copyOf(otherLanguages);
    }

    /** A result for a text in one language. */
    public DetectedLanguage(
            String code, double confidence, boolean fromHint, List<String> warnings) {
        this(code, confidence, fromHint, warnings, List.of());
    }

    /** Whether the language is known (not {@code "und"}). */
    public boolean isKnown() {
        return !UNDETERMINED.equals(code);
    }
}
