package io.reelflow.operators.render.internal;

import io.reelflow.operators.scene.SubtitleCue;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Burns the video's subtitle cues into the lower part of its frames — the same cues the SRT and
 * WebVTT files carry, so burned and soft subtitles agree line for line — white on a translucent
 * dark box. Each cue line is split into font runs up front (see {@link FontLibrary#runs}):
 * characters no font has are left out of the picture (a cue with nothing left is not drawn) and
 * their scripts reported by {@link #missingScripts()}, while the SRT and WebVTT keep the full text.
 * A cue is drawn once into a sprite that is blended onto its frames; only the sprite on screen is
 * kept.
 */
public final class SubtitleOverlay {

    private static final Color TEXT = Color.WHITE;
    private static final Color BOX = new Color(0, 0, 0, 170);

    private final List<SubtitleCue> cues;
    private final List<List<FontRuns>> lines;
    private final List<String> missingScripts;
    private final Font primary;
    private final int width;
    private final int height;
    private final double sizeRatio;

    private int spriteCue = -1;
    private Sprite sprite;

    private SubtitleOverlay(
            List<SubtitleCue> cues,
            List<List<FontRuns>> lines,
            List<String> missingScripts,
            Font primary,
            int width,
            int height,
            double sizeRatio) {
        this.cues = cues;
        this.lines = lines;
        this.missingScripts = missingScripts;
        this.primary = primary;
        this.width = width;
        this.height = height;
        this.sizeRatio = sizeRatio;
    }

    /**
     * Subtitles for a {@code width x height} video in {@code language} (ISO 639-1, may be null),
     * drawn with the fonts of {@code library}.
     */
    public static SubtitleOverlay of(
            List<SubtitleCue> cues,
            int width,
            int height,
            double sizeRatio,
            FontLibrary library,
            String language) {
        List<List<FontRuns>> lines = new ArrayList<>(cues.size());
        Set<String> missing = new LinkedHashSet<>();
        for (SubtitleCue cue : cues) {
            List<FontRuns> drawn = new ArrayList<>(cue.lines().size());
            for (String line : cue.lines()) {
                FontRuns runs = library.runs(line, language);
                missing.addAll(runs.missingScripts());
                if (!runs.isBlank()) {
                    drawn.add(runs);
                }
            }
            lines.add(List.copyOf(drawn));
        }
        return new SubtitleOverlay(
                List.copyOf(cues),
                List.copyOf(lines),
                List.copyOf(missing),
                library.primary(),
                width,
                height,
                sizeRatio);
    }

    /** The scripts left out of the burned-in cues because no font has them; usually empty. */
    public List<String> missingScripts() {
        return missingScripts;
    }

    /** Draws the cue shown at {@code seconds}, if any. */
    public void paint(Canvas canvas, double seconds) {
        for (int i = 0; i < cues.size(); i++) {
            SubtitleCue cue = cues.get(i);
            if (seconds >= cue.startSeconds() && seconds < cue.endSeconds()) {
                if (i != spriteCue) {
                    sprite = draw(lines.get(i));
                    spriteCue = i;
                }
                if (sprite != null) {
                    sprite.paint(canvas);
                }
                return;
            }
        }
    }

    /**
     * Where cue {@code index} sits on the frame: its box and, inside it, its text; null when
     * nothing of it is drawn.
     */
    public Placement placement(int index) {
        Layout layout = layout(lines.get(index));
        return layout == null ? null : layout.placement();
    }

    /**
     * Where a cue is drawn, in frame pixels.
     *
     * @param box the translucent box
     * @param text the lines' extent: as wide as the widest line, as tall as all lines
     * @param lines the lines drawn
     */
    public record Placement(Rectangle box, Rectangle text, int lines) {}

    /** The sprite of one cue's lines, or null when none is left to draw. */
    Sprite draw(List<FontRuns> cueLines) {
        Layout layout = layout(cueLines);
        if (layout == null) {
            return null;
        }
        BufferedImage image =
                new BufferedImage(
                        layout.spriteWidth, layout.spriteHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            layout.block.draw(
                    g, layout.spriteWidth / 2, layout.padding + 1, TEXT, BOX, layout.padding);
        } finally {
            g.dispose();
        }
        return new Sprite(image, layout.left, layout.top);
    }

    /** A cue's size and place, shared by drawing and {@link #placement}; null for no lines. */
    private Layout layout(List<FontRuns> cueLines) {
        if (cueLines.isEmpty()) {
            return null;
        }
        float size = TextBlock.fitSize(cueLines, (float) (height * sizeRatio), (int) (width * 0.9));
        TextBlock block = TextBlock.of(cueLines, primary, size);
        int padding = Math.max(2, Math.round(size) / 3);
        int boxWidth = (int) Math.ceil(block.widest()) + 2 * padding + 2;
        int boxHeight = block.height() + 2 * padding + 2;
        boxWidth = Math.min(width, boxWidth + (boxWidth & 1));
        boxHeight = Math.min(height, boxHeight + (boxHeight & 1));
        int bottomMargin = Math.max(padding, height / 16);
        return new Layout(
                block,
                padding,
                boxWidth,
                boxHeight,
                (width - boxWidth) / 2,
                height - bottomMargin - boxHeight,
                cueLines.size());
    }

    /** One cue's text block in a sprite of {@code spriteWidth x spriteHeight} at (left, top). */
    private record Layout(
            TextBlock block,
            int padding,
            int spriteWidth,
            int spriteHeight,
            int left,
            int top,
            int lines) {

        /** What {@link TextBlock#draw} paints, placed as {@link Sprite} places it. */
        Placement placement() {
            // The sprite snaps to even pixels.
            int x = left & ~1;
            int y = top & ~1;
            int centre = x + spriteWidth / 2;
            int textWidth = (int) Math.ceil(block.widest());
            int boxWidth = textWidth + 2 * padding;
            Rectangle box =
                    new Rectangle(
                            centre - boxWidth / 2, y + 1, boxWidth, block.height() + 2 * padding);
            Rectangle text =
                    new Rectangle(
                            centre - textWidth / 2, y + padding + 1, textWidth, block.height());
            return new Placement(box, text, lines);
        }
    }
}
