package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.List;

/**
 * Centred lines of text drawn with Java2D {@link TextLayout}, which shapes Arabic and Devanagari
 * and lays right-to-left runs out by the Unicode bidi algorithm. Text is only ever drawn as data:
 * no character in it has a meaning to the renderer.
 */
final class TextBlock {

    /** Smallest font size worth drawing; narrower frames get this size and may clip long lines. */
    private static final float MIN_FONT_SIZE = 8f;

    static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private TextBlock() {}

    /**
     * {@code font} at {@code preferredSize}, shrunk until every one of {@code lines} fits in {@code
     * maxWidth} pixels (portrait videos are narrow).
     */
    static Font fit(Font font, float preferredSize, List<String> lines, int maxWidth) {
        Font sized = font.deriveFont(Math.max(MIN_FONT_SIZE, preferredSize));
        float widest = widest(sized, lines);
        if (widest > maxWidth) {
            sized =
                    sized.deriveFont(
                            Math.max(MIN_FONT_SIZE, sized.getSize2D() * maxWidth / widest));
        }
        return sized;
    }

    /** Height in pixels of one line. */
    static int lineHeight(Font font) {
        TextLayout layout = new TextLayout("Xg", font, CONTEXT);
        return (int) Math.ceil(layout.getAscent() + layout.getDescent() + layout.getLeading());
    }

    static float widest(Font font, List<String> lines) {
        float widest = 1;
        for (String line : lines) {
            if (!line.isEmpty()) {
                widest = Math.max(widest, new TextLayout(line, font, CONTEXT).getAdvance());
            }
        }
        return widest;
    }

    /**
     * Draws {@code lines} centred on {@code centreX} starting at {@code top}; with a {@code box}
     * colour, a rounded box with {@code padding} goes behind them first.
     */
    static void draw(
            Graphics2D g,
            List<String> lines,
            Font font,
            int centreX,
            int top,
            Color textColour,
            Color box,
            int padding) {
        if (lines.isEmpty()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        int lineHeight = lineHeight(font);
        if (box != null) {
            int boxWidth = (int) Math.ceil(widest(font, lines)) + 2 * padding;
            int boxHeight = lineHeight * lines.size() + 2 * padding;
            g.setColor(box);
            g.fillRoundRect(
                    centreX - boxWidth / 2, top - padding, boxWidth, boxHeight, padding, padding);
        }
        g.setColor(textColour);
        float baseline = top;
        for (String line : lines) {
            if (!line.isEmpty()) {
                TextLayout layout = new TextLayout(line, font, g.getFontRenderContext());
                layout.draw(g, centreX - layout.getAdvance() / 2, baseline + layout.getAscent());
            }
            baseline += lineHeight;
        }
    }
}
