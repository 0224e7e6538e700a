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
 * @param warnings human-readable notes (ignored hint, fallback used); never null
 */
public record DetectedLanguage(
        String code, double confidence, boolean fromHint, List<String> warnings)
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
    }

    /** Whether the language is known (not {@code "und"}). */
    public boolean isKnown() {
        return !UNDETERMINED.equals(code);
    }
}
