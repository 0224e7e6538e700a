package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A scene shown as its text on a dark background: the planned look of a TITLE_CARD scene and the
 * fallback when a scene's media cannot be used. Long text is shown in pages, like subtitles; each
 * page is drawn once and copied to its frames.
 */
public final class TitleCard implements SceneSource {

    /** Title lines are shorter than subtitle lines: the text is larger. */
    static final int MAX_CHARS_PER_LINE = 30;

    static final int MAX_LINES_PER_PAGE = 4;

    /** Dark, but well above the quality scorer's black-frame threshold. */
    static final Color BACKGROUND_TOP = new Color(30, 36, 52);

    static final Color BACKGROUND_BOTTOM = new Color(48, 56, 80);

    private final List<String> lines;
    private final List<List<String>> pages;
    private final Font font;
    private final int width;
    private final int height;
    private Canvas page;
    private int pageIndex = -1;

    /**
     * A card for {@code text}; {@code font} must cover it (see {@link FontLibrary#fontFor}), any
     * size.
     */
    public TitleCard(String text, int width, int height, Font font) {
        this.lines = CueText.wrap(text, MAX_CHARS_PER_LINE);
        this.pages = CueText.pages(lines, MAX_LINES_PER_PAGE);
        this.font = font;
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount) {
        int due = CueText.pageAt(pages, frame, frameCount);
        if (page == null || due != pageIndex) {
            page = new Canvas(width, height);
            page.setImage(draw(pages.isEmpty() ? List.of() : pages.get(due)));
            pageIndex = due;
        }
        canvas.copyFrom(page);
    }

    private BufferedImage draw(List<String> pageLines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, BACKGROUND_TOP, 0, height, BACKGROUND_BOTTOM));
            g.fillRect(0, 0, width, height);
            if (!pageLines.isEmpty()) {
                // Fitted over all pages, so the size does not jump between pages.
                Font sized = TextBlock.fit(font, height * 0.08f, lines, (int) (width * 0.86));
                int top = (height - TextBlock.lineHeight(sized) * pageLines.size()) / 2;
                TextBlock.draw(g, pageLines, sized, width / 2, top, Color.WHITE, null, 0);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public void close() {
        page = null;
    }
}
