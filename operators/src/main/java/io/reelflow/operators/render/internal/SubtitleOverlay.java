package io.reelflow.operators.render.internal;

import io.reelflow.operators.scene.SubtitleCue;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Burns the video's subtitle cues into the lower part of its frames — the same cues the SRT and
 * WebVTT files carry, so burned and soft subtitles agree line for line — white on a translucent
 * dark box. Each cue gets the first configured font that covers its text (chosen up front, so a
 * missing font fails the render before encoding) and is drawn once into a sprite that is blended
 * onto its frames; only the sprite on screen is kept.
 */
public final class SubtitleOverlay {

    private static final Color TEXT = Color.WHITE;
    private static final Color BOX = new Color(0, 0, 0, 170);

    private final List<SubtitleCue> cues;
    private final List<Font> fonts;
    private final int width;
    private final int height;
    private final double sizeRatio;

    private int spriteCue = -1;
    private Sprite sprite;

    private SubtitleOverlay(
            List<SubtitleCue> cues, List<Font> fonts, int width, int height, double sizeRatio) {
        this.cues = cues;
        this.fonts = fonts;
        this.width = width;
        this.height = height;
        this.sizeRatio = sizeRatio;
    }

    /**
     * Subtitles for a {@code width x height} video.
     *
     * @throws IllegalStateException when no font of {@code library} covers a cue's text
     */
    public static SubtitleOverlay of(
            List<SubtitleCue> cues, int width, int height, double sizeRatio, FontLibrary library) {
        List<Font> fonts = new ArrayList<>(cues.size());
        for (SubtitleCue cue : cues) {
            fonts.add(library.fontFor(String.join(" ", cue.lines())));
        }
        return new SubtitleOverlay(List.copyOf(cues), List.copyOf(fonts), width, height, sizeRatio);
    }

    /** Draws the cue shown at {@code seconds}, if any. */
    public void paint(Canvas canvas, double seconds) {
        for (int i = 0; i < cues.size(); i++) {
            SubtitleCue cue = cues.get(i);
            if (seconds >= cue.startSeconds() && seconds < cue.endSeconds()) {
                if (i != spriteCue) {
                    sprite = draw(cue, fonts.get(i));
                    spriteCue = i;
                }
                if (sprite != null) {
                    sprite.paint(canvas);
                }
                return;
            }
        }
    }

    private Sprite draw(SubtitleCue cue, Font base) {
        List<String> lines = cue.lines();
        if (lines.isEmpty()) {
            return null;
        }
        Font font = TextBlock.fit(base, (float) (height * sizeRatio), lines, (int) (width * 0.9));
        int padding = Math.max(2, font.getSize() / 3);
        int boxWidth = (int) Math.ceil(TextBlock.widest(font, lines)) + 2 * padding + 2;
        int boxHeight = TextBlock.lineHeight(font) * lines.size() + 2 * padding + 2;
        boxWidth = Math.min(width, boxWidth + (boxWidth & 1));
        boxHeight = Math.min(height, boxHeight + (boxHeight & 1));
        BufferedImage image = new BufferedImage(boxWidth, boxHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            TextBlock.draw(g, lines, font, boxWidth / 2, padding + 1, TEXT, BOX, padding);
        } finally {
            g.dispose();
        }
        int bottomMargin = Math.max(padding, height / 16);
        return new Sprite(image, (width - boxWidth) / 2, height - bottomMargin - boxHeight);
    }
}
