package io.reelflow.operators.scene;

import java.io.Serializable;
import java.util.Objects;

/**
 * Settings of {@link SubtitleCues}.
 *
 * <pre>{@code
 * SubtitleConfig config = SubtitleConfig.defaults().withMaxLineWidth(37);
 * }</pre>
 *
 * @param maxLineWidth widest line in columns (default 42, the Netflix Timed Text Style Guide's
 *     limit); a Chinese, Japanese or Korean character takes two columns, and those languages get
 *     narrower lines still ({@link #maxLineWidthFor})
 * @param maxLines most lines per cue (default 2)
 * @param minCueSeconds shortest time a cue stays on screen, when its scene is that long (default 1)
 * @param directionMarks how right-to-left lines are marked for players (default {@link
 *     DirectionMarks#RLM})
 */
public record SubtitleConfig(
        int maxLineWidth, int maxLines, double minCueSeconds, DirectionMarks directionMarks)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_LINE_WIDTH = 42;
    public static final int DEFAULT_MAX_LINES = 2;
    public static final double DEFAULT_MIN_CUE_SECONDS = 1.0;

    /**
     * Full-width characters per line the Netflix Timed Text Style Guides allow: 13 for Japanese, 16
     * for Chinese and Korean (each two columns here).
     */
    public static final int JAPANESE_LINE_CHARACTERS = 13;

    public static final int CHINESE_KOREAN_LINE_CHARACTERS = 16;

    /** How right-to-left lines are marked; the text itself always stays in logical order. */
    public enum DirectionMarks {
        /**
         * A RIGHT-TO-LEFT MARK (U+200F) starts each line, so players that take a line's direction
         * from its first strong character (the Unicode bidi algorithm, as WebVTT specifies) keep a
         * line that starts with a number or Latin word, or ends with punctuation, right-to-left.
         */
        RLM,
        /**
         * Each line is wrapped in RIGHT-TO-LEFT EMBEDDING (U+202B) and POP DIRECTIONAL FORMATTING
         * (U+202C), for older SRT players that ignore a leading mark.
         */
        EMBEDDING,
        /** No marks. */
        NONE
    }

    public SubtitleConfig {
        if (maxLineWidth < 10) {
            throw new IllegalArgumentException(
                    "maxLineWidth must be at least 10, was " + maxLineWidth);
        }
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
        }
        if (!(minCueSeconds >= 0.0) || Double.isInfinite(minCueSeconds)) {
            throw new IllegalArgumentException(
                    "minCueSeconds must be a finite number >= 0, was " + minCueSeconds);
        }
        Objects.requireNonNull(directionMarks, "directionMarks");
    }

    /**
     * The widest line for {@code language} (ISO 639-1): {@link #maxLineWidth()}, narrowed for
     * Japanese to 13 and for Chinese and Korean to 16 full-width characters.
     */
    public int maxLineWidthFor(String language) {
        int cap =
                switch (language == null ? "" : language) {
                    case "ja" -> 2 * JAPANESE_LINE_CHARACTERS;
                    case "zh", "ko" -> 2 * CHINESE_KOREAN_LINE_CHARACTERS;
                    default -> maxLineWidth;
                };
        return Math.min(maxLineWidth, cap);
    }

    /** 42 columns, 2 lines, at least 1 s per cue, RLM before right-to-left lines. */
    public static SubtitleConfig defaults() {
        return new SubtitleConfig(
                DEFAULT_MAX_LINE_WIDTH,
                DEFAULT_MAX_LINES,
                DEFAULT_MIN_CUE_SECONDS,
                DirectionMarks.RLM);
    }

    public SubtitleConfig withMaxLineWidth(int columns) {
        return new SubtitleConfig(columns, maxLines, minCueSeconds, directionMarks);
    }

    public SubtitleConfig withMaxLines(int lines) {
        return new SubtitleConfig(maxLineWidth, lines, minCueSeconds, directionMarks);
    }

    public SubtitleConfig withMinCueSeconds(double seconds) {
        return new SubtitleConfig(maxLineWidth, maxLines, seconds, directionMarks);
    }

    public SubtitleConfig withDirectionMarks(DirectionMarks marks) {
        return new SubtitleConfig(maxLineWidth, maxLines, minCueSeconds, marks);
    }
}
