package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Centred lines of text laid out with Java2D {@link TextLayout} over each line's {@link FontRuns},
 * which shapes Arabic and Devanagari, lays right-to-left runs out by the Unicode bidi algorithm and
 * lets one line use several fonts. Measuring and drawing use the same layouts. Text is only ever
 * drawn as data: no character in it has a meaning to the renderer.
 */
final class TextBlock {

    /** Smallest font size worth drawing; narrower frames get this size and may clip long lines. */
    private static final float MIN_FONT_SIZE = 8f;

    static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private final List<TextLayout> layouts;
    private final float ascent;
    private final int lineHeight;
    private final float widest;

    private TextBlock(List<TextLayout> layouts, float ascent, int lineHeight, float widest) {
        this.layouts = layouts;
        this.ascent = ascent;
        this.lineHeight = lineHeight;
        this.widest = widest;
    }

    /**
     * The size nearest {@code preferredSize} at which every one of {@code lines} fits in {@code
     * maxWidth} pixels (portrait videos are narrow), but not below a legible minimum.
     */
    static float fitSize(List<FontRuns> lines, float preferredSize, int maxWidth) {
        float size = Math.max(MIN_FONT_SIZE, preferredSize);
        float widest = widest(lines, size);
        return widest > maxWidth ? Math.max(MIN_FONT_SIZE, size * maxWidth / widest) : size;
    }

    /**
     * {@code lines} at {@code size}; lines are spaced evenly by the tallest line, and never less
     * than {@code primary}'s own line height.
     */
    static TextBlock of(List<FontRuns> lines, Font primary, float size) {
        TextLayout reference = new TextLayout("Xg", primary.deriveFont(size), CONTEXT);
        float ascent = reference.getAscent();
        float below = reference.getDescent() + reference.getLeading();
        float widest = 1;
        List<TextLayout> layouts = new ArrayList<>(lines.size());
        for (FontRuns line : lines) {
            TextLayout layout = layout(line, size);
            layouts.add(layout);
            if (layout != null) {
                ascent = Math.max(ascent, layout.getAscent());
                below = Math.max(below, layout.getDescent() + layout.getLeading());
                widest = Math.max(widest, layout.getAdvance());
            }
        }
        return new TextBlock(layouts, ascent, (int) Math.ceil(ascent + below), widest);
    }

    /** Height in pixels of one line. */
    int lineHeight() {
        return lineHeight;
    }

    /** Height in pixels of all lines. */
    int height() {
        return lineHeight * layouts.size();
    }

    /** Advance in pixels of the widest line (at least 1). */
    float widest() {
        return widest;
    }

    /**
     * Draws the lines centred on {@code centreX} starting at {@code top}; with a {@code box}
     * colour, a rounded box with {@code padding} goes behind them first.
     */
    void draw(Graphics2D g, int centreX, int top, Color textColour, Color box, int padding) {
        if (layouts.isEmpty()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        if (box != null) {
            int boxWidth = (int) Math.ceil(widest) + 2 * padding;
            int boxHeight = height() + 2 * padding;
            g.setColor(box);
            g.fillRoundRect(
                    centreX - boxWidth / 2, top - padding, boxWidth, boxHeight, padding, padding);
        }
        g.setColor(textColour);
        float lineTop = top;
        for (TextLayout layout : layouts) {
            if (layout != null) {
                layout.draw(g, centreX - layout.getAdvance() / 2, lineTop + ascent);
            }
            lineTop += lineHeight;
        }
    }

    private static float widest(List<FontRuns> lines, float size) {
        float widest = 1;
        for (FontRuns line : lines) {
            TextLayout layout = layout(line, size);
            if (layout != null) {
                widest = Math.max(widest, layout.getAdvance());
            }
        }
        return widest;
    }

    /** The line's layout, or null for an empty line (which {@link TextLayout} refuses). */
    private static TextLayout layout(FontRuns line, float size) {
        return line.text().isEmpty() ? null : new TextLayout(line.at(size).getIterator(), CONTEXT);
    }
}
