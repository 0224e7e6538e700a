package io.reelflow.operators.render.internal;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedString;
import java.util.List;

/**
 * A text as it will be drawn: the characters some font covers, split into runs that each have one
 * font (at size 1), and the scripts that were left out because no font has them. Drawn as one
 * {@link AttributedString}, so Java2D still applies the bidi algorithm and shapes across runs.
 *
 * @param text the drawable characters (uncovered ones removed)
 * @param runs consecutive, non-empty runs that together span {@code text}
 * @param missingScripts names of the scripts left out, e.g. {@code Old Hungarian}; empty when
 *     everything is drawn
 */
public record FontRuns(String text, List<Run> runs, List<String> missingScripts) {

    /** Characters {@code [start, end)} of the text, drawn with {@code font}. */
    public record Run(int start, int end, Font font) {}

    public FontRuns {
        runs = List.copyOf(runs);
        missingScripts = List.copyOf(missingScripts);
    }

    /** True when nothing visible is left to draw. */
    public boolean isBlank() {
        return text.isBlank();
    }

    /** The fonts of the runs, in order (one per run). */
    public List<Font> fonts() {
        return runs.stream().map(Run::font).toList();
    }

    /** The text with each run's font at {@code size}, for a {@code TextLayout}. */
    public AttributedString at(float size) {
        AttributedString attributed = new AttributedString(text);
        for (Run run : runs) {
            attributed.addAttribute(
                    TextAttribute.FONT, run.font().deriveFont(size), run.start(), run.end());
        }
        return attributed;
    }
}
