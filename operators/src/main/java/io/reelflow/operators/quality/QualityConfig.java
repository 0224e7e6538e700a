package io.reelflow.operators.quality;

import java.io.Serializable;

/**
 * Thresholds of the {@link QualityScorer}. Start from {@link #defaults()}:
 *
 * <pre>{@code
 * QualityConfig config = QualityConfig.defaults().withDurationToleranceSeconds(0.5);
 * }</pre>
 *
 * @param durationToleranceSeconds how far the measured duration may be from the target (the product
 *     spec allows 1 s; the renderer is exact to a frame)
 * @param blackLumaThreshold a sampled frame whose mean luma (0-255) is below this counts as black
 * @param maxBlackFrameRatio the largest share of black samples a passing video may have
 * @param sampleIntervalSeconds how often a frame is sampled for the black-frame check
 */
public record QualityConfig(
        double durationToleranceSeconds,
        double blackLumaThreshold,
        double maxBlackFrameRatio,
        double sampleIntervalSeconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public QualityConfig {
        if (!(durationToleranceSeconds >= 0) || Double.isInfinite(durationToleranceSeconds)) {
            throw new IllegalArgumentException(
                    "durationToleranceSeconds must be >= 0, was " + durationToleranceSeconds);
        }
        if (!(blackLumaThreshold >= 0 && blackLumaThreshold <= 255)) {
            throw new IllegalArgumentException(
                    "blackLumaThreshold must be within 0..255, was " + blackLumaThreshold);
        }
        if (!(maxBlackFrameRatio >= 0 && maxBlackFrameRatio <= 1)) {
            throw new IllegalArgumentException(
                    "maxBlackFrameRatio must be within 0..1, was " + maxBlackFrameRatio);
        }
        if (!(sampleIntervalSeconds > 0) || Double.isInfinite(sampleIntervalSeconds)) {
            throw new IllegalArgumentException(
                    "sampleIntervalSeconds must be positive, was " + sampleIntervalSeconds);
        }
    }

    /** Tolerance 1 s, black below luma 16, at most half the samples black, a sample every 0.5 s. */
    public static QualityConfig defaults() {
        return new QualityConfig(1.0, 16.0, 0.5, 0.5);
    }

    public QualityConfig withDurationToleranceSeconds(double seconds) {
        return new QualityConfig(
                seconds, blackLumaThreshold, maxBlackFrameRatio, sampleIntervalSeconds);
    }

    public QualityConfig withBlackLumaThreshold(double luma) {
        return new QualityConfig(
                durationToleranceSeconds, luma, maxBlackFrameRatio, sampleIntervalSeconds);
    }

    public QualityConfig withMaxBlackFrameRatio(double ratio) {
        return new QualityConfig(
                durationToleranceSeconds, blackLumaThreshold, ratio, sampleIntervalSeconds);
    }

    public QualityConfig withSampleIntervalSeconds(double seconds) {
        return new QualityConfig(
                durationToleranceSeconds, blackLumaThreshold, maxBlackFrameRatio, seconds);
    }
}
