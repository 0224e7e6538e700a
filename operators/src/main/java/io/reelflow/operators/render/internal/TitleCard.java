package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
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

    private final List<FontRuns> lines;
    private final List<List<String>> pages;
    private final List<List<FontRuns>> pageRuns;
    private final List<String> missingScripts;
    private final Font primary;
    private final int width;
    private final int height;
    private Canvas page;
    private int pageIndex = -1;
    private float size = -1;

    /**
     * A card for {@code text} in {@code language} (ISO 639-1, may be null), drawn with the fonts of
     * {@code library}; characters no font has are left out (see {@link #missingScripts()}).
     */
    public TitleCard(String text, int width, int height, FontLibrary library, String language) {
        FontRuns drawable = library.runs(text, language);
        List<String> wrapped = CueText.wrap(drawable.text(), MAX_CHARS_PER_LINE);
        List<FontRuns> runs = new ArrayList<>(wrapped.size());
        for (String line : wrapped) {
            runs.add(library.runs(line, language));
        }
        this.lines = List.copyOf(runs);
        this.pages = CueText.pages(wrapped, MAX_LINES_PER_PAGE);
        this.pageRuns = CueText.pages(lines, MAX_LINES_PER_PAGE);
        this.missingScripts = drawable.missingScripts();
        this.primary = library.primary();
        this.width = width;
        this.height = height;
    }

    /** The scripts of the text left out because no font has them; usually empty. */
    public List<String> missingScripts() {
        return missingScripts;
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount) {
        int due = CueText.pageAt(pages, frame, frameCount);
        if (page == null || due != pageIndex) {
            page = new Canvas(width, height);
            page.setImage(draw(pageRuns.isEmpty() ? List.of() : pageRuns.get(due)));
            pageIndex = due;
        }
        canvas.copyFrom(page);
    }

    private BufferedImage draw(List<FontRuns> pageLines) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, BACKGROUND_TOP, 0, height, BACKGROUND_BOTTOM));
            g.fillRect(0, 0, width, height);
            if (!pageLines.isEmpty()) {
                if (size < 0) {
                    // Fitted over all pages, so the size does not jump between pages.
                    size = TextBlock.fitSize(lines, height * 0.08f, (int) (width * 0.86));
                }
                TextBlock block = TextBlock.of(pageLines, primary, size);
                block.draw(g, width / 2, (height - block.height()) / 2, Color.WHITE, null, 0);
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
