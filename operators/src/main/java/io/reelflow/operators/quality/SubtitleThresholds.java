package io.reelflow.operators.quality;

import io.reelflow.operators.request.ReadingSpeed;
import java.io.Serializable;

/**
 * Thresholds of the {@link SubtitleAnalyzer}; presets compose them. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * SubtitleThresholds thresholds = SubtitleThresholds.defaults().withMaxReadingPace(1.2);
 * }</pre>
 *
 * @param maxReadingPace the fastest a cue may ask viewers to read: the time its text takes at the
 *     guideline's speeds ({@link ReadingSpeed}, which also times the plan) over its time on screen;
 *     1 is exactly the guideline's speed
 * @param maxLines the most lines one cue may have
 * @param minContrastRatio the lowest WCAG contrast ratio between a cue's text and the box behind
 *     it, as decoded from the video
 * @param titleSafeMargin the share of the frame's width and height each edge of the title-safe area
 *     lies in from the frame's edge; subtitle text must stay inside
 * @param maxContrastSamples the most cues whose frame is decoded to measure contrast (one per
 *     scene, spread over the video), which bounds the analyzer's decoding
 */
public record SubtitleThresholds(
        double maxReadingPace,
        int maxLines,
        double minContrastRatio,
        double titleSafeMargin,
        int maxContrastSamples)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public SubtitleThresholds {
        if (!(maxReadingPace > 0) || Double.isInfinite(maxReadingPace)) {
            throw new IllegalArgumentException(
                    "maxReadingPace must be positive, was " + maxReadingPace);
        }
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1, was " + maxLines);
        }
        if (!(minContrastRatio >= 1 && minContrastRatio <= 21)) {
            throw new IllegalArgumentException(
                    "minContrastRatio must be within 1..21, was " + minContrastRatio);
        }
        if (!(titleSafeMargin >= 0 && titleSafeMargin < 0.5)) {
            throw new IllegalArgumentException(
                    "titleSafeMargin must be within [0, 0.5), was " + titleSafeMargin);
        }
        if (maxContrastSamples < 0) {
            throw new IllegalArgumentException(
                    "maxContrastSamples must not be negative, was " + maxContrastSamples);
        }
    }

    /**
     * A cue may ask at most 1.5 times the guideline's reading speed (Netflix's 20 characters a
     * second for adult programmes, slower for Han, kana and hangul: {@link ReadingSpeed}; the plan
     * times scenes at 1, and splitting into cues and transitions make single cues faster), 2 lines,
     * text against its box at least 4.5:1 (WCAG 2.2 AA), inside the title-safe area of 5% from each
     * edge (EBU R 95), contrast measured on up to 4 cues.
     */
    public static SubtitleThresholds defaults() {
        return new SubtitleThresholds(1.5, 2, 4.5, 0.05, 4);
    }

    public SubtitleThresholds withMaxReadingPace(double pace) {
        return new SubtitleThresholds(
                pace, maxLines, minContrastRatio, titleSafeMargin, maxContrastSamples);
    }

    public SubtitleThresholds withMaxLines(int lines) {
        return new SubtitleThresholds(
                maxReadingPace, lines, minContrastRatio, titleSafeMargin, maxContrastSamples);
    }

    public SubtitleThresholds withMinContrastRatio(double ratio) {
        return new SubtitleThresholds(
                maxReadingPace, maxLines, ratio, titleSafeMargin, maxContrastSamples);
    }

    public SubtitleThresholds withTitleSafeMargin(double margin) {
        return new SubtitleThresholds(
                maxReadingPace, maxLines, minContrastRatio, margin, maxContrastSamples);
    }

    public SubtitleThresholds withMaxContrastSamples(int samples) {
        return new SubtitleThresholds(
                maxReadingPace, maxLines, minContrastRatio, titleSafeMargin, samples);
    }
}
