package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;

/** Centred lines of text drawn with Java2D, optionally on a translucent box for legibility. */
final class TextBlock {

    /** Smallest font size worth drawing; narrower frames get this size and may clip long lines. */
    private static final float MIN_FONT_SIZE = 8f;

    private TextBlock() {}

    /**
     * The font of {@code family} at {@code preferredSize}, shrunk until every one of {@code lines}
     * fits in {@code maxWidth} pixels (portrait videos are narrow).
     */
    static Font fit(
            Graphics2D g, String family, float preferredSize, List<String> lines, int maxWidth) {
        Font font =
                new Font(family, Font.BOLD, 1).deriveFont(Math.max(MIN_FONT_SIZE, preferredSize));
        int widest = widest(g, font, lines);
        if (widest > maxWidth) {
            float size = Math.max(MIN_FONT_SIZE, font.getSize2D() * maxWidth / widest);
            font = font.deriveFont(size);
        }
        return font;
    }

    /** Height in pixels of {@code lineCount} lines in {@code font}. */
    static int height(Graphics2D g, Font font, int lineCount) {
        return g.getFontMetrics(font).getHeight() * lineCount;
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
        FontMetrics metrics = g.getFontMetrics(font);
        int lineHeight = metrics.getHeight();
        if (box != null) {
            int boxWidth = widest(g, font, lines) + 2 * padding;
            int boxHeight = lineHeight * lines.size() + 2 * padding;
            g.setColor(box);
            g.fillRoundRect(
                    centreX - boxWidth / 2, top - padding, boxWidth, boxHeight, padding, padding);
        }
        g.setFont(font);
        g.setColor(textColour);
        int baseline = top + metrics.getAscent();
        for (String line : lines) {
            g.drawString(line, centreX - metrics.stringWidth(line) / 2, baseline);
            baseline += lineHeight;
        }
    }

    private static int widest(Graphics2D g, Font font, List<String> lines) {
        FontMetrics metrics = g.getFontMetrics(font);
        int widest = 1;
        for (String line : lines) {
            widest = Math.max(widest, metrics.stringWidth(line));
        }
        return widest;
    }
}
