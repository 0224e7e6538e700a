package io.reelflow.operators.render.internal;

import io.reelflow.operators.scene.SubtitleCue;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/**
 * Burns a scene's subtitle cues into the lower part of its frames — the same cues the SRT and
 * WebVTT files carry, so burned and soft subtitles agree line for line — white on a translucent
 * dark box. The text is drawn as pixels, so nothing in it is ever interpreted.
 */
public final class SubtitleOverlay {

    private static final Color TEXT = Color.WHITE;
    private static final Color BOX = new Color(0, 0, 0, 170);

    private final List<SubtitleCue> cues;
    private final Font font;
    private final int width;
    private final int height;

    private SubtitleOverlay(List<SubtitleCue> cues, Font font, int width, int height) {
        this.cues = cues;
        this.font = font;
        this.width = width;
        this.height = height;
    }

    /**
     * Lays out a scene's {@code cues} for a {@code width x height} frame; {@code g} measures the
     * font.
     */
    public static SubtitleOverlay of(
            List<SubtitleCue> cues,
            int width,
            int height,
            String fontFamily,
            double sizeRatio,
            Graphics2D g) {
        List<String> lines = cues.stream().flatMap(cue -> cue.lines().stream()).toList();
        Font font =
                TextBlock.fit(
                        g, fontFamily, (float) (height * sizeRatio), lines, (int) (width * 0.9));
        return new SubtitleOverlay(List.copyOf(cues), font, width, height);
    }

    public boolean isEmpty() {
        return cues.isEmpty();
    }

    /** Draws the cue shown at {@code seconds} into the video, if any. */
    public void paint(Canvas canvas, double seconds) {
        for (SubtitleCue cue : cues) {
            if (seconds >= cue.startSeconds() && seconds < cue.endSeconds()) {
                Graphics2D g = canvas.graphics();
                int padding = Math.max(2, font.getSize() / 3);
                int bottomMargin = Math.max(padding, height / 16);
                int top =
                        height
                                - bottomMargin
                                - padding
                                - TextBlock.height(g, font, cue.lines().size());
                TextBlock.draw(g, cue.lines(), font, width / 2, top, TEXT, BOX, padding);
                return;
            }
        }
    }
}
