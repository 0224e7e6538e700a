package io.reelflow.operators.quality;

import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.text.CleanText;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Thresholds of one quality preset: what the {@link QualityScorer} and its analyzers allow before a
 * check fails. Start from a preset and change single settings:
 *
 * <pre>{@code
 * QualityConfig config = QualityConfig.preset("strict").withDurationToleranceSeconds(0.2);
 * }</pre>
 *
 * <p>Luma values are 0-255 (full range, as decoded to grey); shares are 0..1 of the pixels or
 * samples. The figures of each preset and how they were chosen are in {@code quality/README.md}.
 *
 * @param preset the preset's name, reported in {@code QualityReport.preset}
 * @param durationToleranceSeconds how far the measured duration may be from the expected one
 * @param blackLumaThreshold a sample whose mean luma is below this counts as black
 * @param maxBlackShare the largest share of black samples a scene (and the video) may have
 * @param minSharpness the least edge sharpness (mean |Laplacian| / mean gradient over edge pixels
 *     of the analysis-size grey picture, about 2 / (edge width + 1)) a photo or clip scene with
 *     edges must have
 * @param minContrast the least standard deviation of luma a photo or clip scene must have
 * @param maxHighlightShare the largest share of pixels at 250 or above (clipped highlights)
 * @param maxShadowShare the largest share of pixels at 5 or below (crushed shadows) in a scene that
 *     is not black
 * @param stillDifference a mean absolute difference between successive samples below this means the
 *     picture did not change (luma levels)
 * @param maxStillShare the largest share of unchanged successive samples in a scene that expects
 *     motion (and in the whole video) before it counts as frozen
 * @param minMotion the least mean absolute difference between successive samples in a scene that
 *     expects motion; 0 turns the check off
 * @param flickerLuma the least swing of the mean luma between successive samples that counts as a
 *     flicker when the next swing goes back
 * @param maxFlickerShare the largest share of samples that swing back and forth
 * @param analysisHeight the height frames are scaled to before measuring (the width follows the
 *     aspect ratio)
 * @param sampleSeconds how much of each scene is decoded and measured: a stretch this long inside
 *     the scene, or one per 4 s for longer scenes; 0 decodes every frame
 */
public record QualityConfig(
        String preset,
        double durationToleranceSeconds,
        double blackLumaThreshold,
        double maxBlackShare,
        double minSharpness,
        double minContrast,
        double maxHighlightShare,
        double maxShadowShare,
        double stillDifference,
        double maxStillShare,
        double minMotion,
        double flickerLuma,
        double maxFlickerShare,
        int analysisHeight,
        double sampleSeconds)
        implements Serializable {

    private static final long serialVersionUID = 2L;

    public static final String DRAFT = "draft";
    public static final String STANDARD = "standard";
    public static final String STRICT = "strict";

    /** The presets a request or the job option may name. */
    public static final List<String> PRESETS = List.of(DRAFT, STANDARD, STRICT);

    public QualityConfig {
        if (preset == null || preset.isBlank()) {
            throw new IllegalArgumentException("preset must be named");
        }
        requireAtLeastZero("durationToleranceSeconds", durationToleranceSeconds);
        requireWithin("blackLumaThreshold", blackLumaThreshold, 255);
        requireWithin("maxBlackShare", maxBlackShare, 1);
        requireAtLeastZero("minSharpness", minSharpness);
        requireWithin("minContrast", minContrast, 255);
        requireWithin("maxHighlightShare", maxHighlightShare, 1);
        requireWithin("maxShadowShare", maxShadowShare, 1);
        requireWithin("stillDifference", stillDifference, 255);
        requireWithin("maxStillShare", maxStillShare, 1);
        requireWithin("minMotion", minMotion, 255);
        requireWithin("flickerLuma", flickerLuma, 255);
        requireWithin("maxFlickerShare", maxFlickerShare, 1);
        requireAtLeastZero("sampleSeconds", sampleSeconds);
        if (analysisHeight < 16 || analysisHeight > 1080) {
            throw new IllegalArgumentException(
                    "analysisHeight must be within 16..1080, was " + analysisHeight);
        }
    }

    /** The {@code standard} preset. */
    public static QualityConfig defaults() {
        return preset(STANDARD);
    }

    /**
     * The preset called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the presets there are, for any other name
     */
    public static QualityConfig preset(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case DRAFT:
                return new QualityConfig(
                        DRAFT, 2.0, 16, 0.7, 0.5, 4, 0.7, 0.9, 0.25, 0.8, 0, 12, 0.5, 180, 1.0);
            case STANDARD:
                return new QualityConfig(
                        STANDARD, 1.0, 16, 0.5, 0.6, 6, 0.5, 0.8, 0.25, 0.6, 0.3, 8, 0.3, 180, 1.0);
            case STRICT:
                return new QualityConfig(
                        STRICT, 0.5, 16, 0.25, 0.7, 10, 0.3, 0.6, 0.25, 0.4, 0.6, 6, 0.2, 180, 1.0);
            default:
                throw new IllegalArgumentException(
                        "unsupported quality preset "
                                + CleanText.quoted(name, 40)
                                + " (use one of "
                                + String.join(", ", PRESETS)
                                + ")");
        }
    }

    /** The thresholds for a video rendered to {@code spec}: its own preset, else this one. */
    public QualityConfig forSpec(RenderSpec spec) {
        String asked = spec == null ? null : spec.getQualityPreset();
        return asked == null || asked.equalsIgnoreCase(preset) ? this : preset(asked);
    }

    public QualityConfig withDurationToleranceSeconds(double seconds) {
        return new QualityConfig(
                preset,
                seconds,
                blackLumaThreshold,
                maxBlackShare,
                minSharpness,
                minContrast,
                maxHighlightShare,
                maxShadowShare,
                stillDifference,
                maxStillShare,
                minMotion,
                flickerLuma,
                maxFlickerShare,
                analysisHeight,
                sampleSeconds);
    }

    public QualityConfig withAnalysisHeight(int height) {
        return new QualityConfig(
                preset,
                durationToleranceSeconds,
                blackLumaThreshold,
                maxBlackShare,
                minSharpness,
                minContrast,
                maxHighlightShare,
                maxShadowShare,
                stillDifference,
                maxStillShare,
                minMotion,
                flickerLuma,
                maxFlickerShare,
                height,
                sampleSeconds);
    }

    public QualityConfig withSampleSeconds(double seconds) {
        return new QualityConfig(
                preset,
                durationToleranceSeconds,
                blackLumaThreshold,
                maxBlackShare,
                minSharpness,
                minContrast,
                maxHighlightShare,
                maxShadowShare,
                stillDifference,
                maxStillShare,
                minMotion,
                flickerLuma,
                maxFlickerShare,
                analysisHeight,
                seconds);
    }

    private static void requireAtLeastZero(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    private static void requireWithin(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be within 0.." + (max == 1 ? "1" : "255") + ", was " + value);
        }
    }
}
