package io.reelflow.operators.scene;

import java.util.List;

/**
 * One subtitle on screen: its time span and its lines, in logical (reading) order.
 *
 * @param index 1-based position in the subtitle track
 * @param startSeconds when it appears
 * @param endSeconds when it disappears; after {@code startSeconds}
 * @param lines the text, one entry per line, never empty
 * @param rightToLeft whether the text is Arabic, Hebrew or another right-to-left script, so writers
 *     add direction marks
 */
public record SubtitleCue(
        int index,
        double startSeconds,
        double endSeconds,
        List<String> lines,
        boolean rightToLeft) {

    public SubtitleCue {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a cue needs at least one line");
        }
        if (!(endSeconds > startSeconds)) {
            throw new IllegalArgumentException(
                    "cue "
                            + index
                            + " must end after it starts: "
                            + startSeconds
                            + " -> "
                            + endSeconds);
        }
    }

    /** The lines joined by a space, or directly for scripts without spaces. */
    public String text() {
        return io.reelflow.operators.scene.internal.Joiner.join(lines);
    }
}
