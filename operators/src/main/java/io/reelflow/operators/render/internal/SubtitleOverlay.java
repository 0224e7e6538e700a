package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Burns a scene's text into the lower part of its frames: wrapped at {@link
 * CueText#MAX_CHARS_PER_LINE}, at most {@link CueText#MAX_LINES_PER_PAGE} lines at a time, white on
 * a translucent dark box. The text is drawn as pixels, so nothing in it is ever interpreted.
 */
public final class SubtitleOverlay {

    private static final Color TEXT = Color.WHITE;
    private static final Color BOX = new Color(0, 0, 0, 170);

    private final List<List<String>> pages;
    private final Font font;
    private final int width;
    private final int height;

    private SubtitleOverlay(List<List<String>> pages, Font font, int width, int height) {
        this.pages = pages;
        this.font = font;
        this.width = width;
        this.height = height;
    }

    /** Lays out {@code text} for a {@code width x height} frame; {@code g} measures the font. */
    public static SubtitleOverlay of(
            String text, int width, int height, String fontFamily, double sizeRatio, Graphics2D g) {
        List<String> lines = CueText.wrap(text, CueText.MAX_CHARS_PER_LINE);
        List<List<String>> pages = CueText.pages(lines, CueText.MAX_LINES_PER_PAGE);
        Font font =
                TextBlock.fit(
                        g, fontFamily, (float) (height * sizeRatio), lines, (int) (width * 0.9));
        return new SubtitleOverlay(new ArrayList<>(pages), font, width, height);
    }

    public boolean isEmpty() {
        return pages.isEmpty();
    }

    /** Draws the page due on {@code frame} of {@code frameCount}. */
    public void paint(Canvas canvas, int frame, int frameCount) {
        if (pages.isEmpty()) {
            return;
        }
        Graphics2D g = canvas.graphics();
        List<String> page = pages.get(CueText.pageAt(pages, frame, frameCount));
        int padding = Math.max(2, font.getSize() / 3);
        int bottomMargin = Math.max(padding, height / 16);
        int top = height - bottomMargin - padding - TextBlock.height(g, font, page.size());
        TextBlock.draw(g, page, font, width / 2, top, TEXT, BOX, padding);
    }
}
