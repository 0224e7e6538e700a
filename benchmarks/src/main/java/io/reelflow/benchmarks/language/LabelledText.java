package io.reelflow.benchmarks.language;

import java.util.Objects;

/**
 * One paragraph of a language identification corpus.
 *
 * @param label the corpus label, an ISO 639-3 code such as {@code "deu"}
 * @param text the paragraph
 */
public record LabelledText(String label, String text) {

    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }

    /** The first {@code codePoints} code points of the text (all of it if shorter). */
    public String prefix(int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }
}
