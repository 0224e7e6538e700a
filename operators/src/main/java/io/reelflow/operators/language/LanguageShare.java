package io.reelflow.operators.language;

import java.io.Serializable;
import java.util.Objects;

/**
 * The share of a text written in one language, measured in letters.
 *
 * @param code ISO 639-1 code
 * @param share 0..1
 */
public record LanguageShare(String code, double share) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LanguageShare {
        Objects.requireNonNull(code, "code");
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in [0, 1], was " + share);
        }
    }
}
