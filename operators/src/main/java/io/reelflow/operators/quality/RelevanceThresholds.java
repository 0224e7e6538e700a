package io.reelflow.operators.quality;

import java.io.Serializable;

/**
 * How relevant a scene's picture must be to its text for the {@link RelevanceAnalyzer}. Start from
 * {@link #defaults()}:
 *
 * <pre>{@code
 * RelevanceThresholds thresholds = RelevanceThresholds.defaults().withMinSimilarity(0.3);
 * }</pre>
 *
 * @param minSimilarity the least cosine similarity (-1..1) of the sentence vectors of a scene's
 *     text (or English prompt) and its catalog asset's description
 * @param minImageTextScore the least score an image-text model gives a mid-scene frame and the
 *     prompt, on that model's scale (the default suits CLIP's cosine)
 */
public record RelevanceThresholds(double minSimilarity, double minImageTextScore)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Calibrated on the shared photos' descriptions: see the quality README. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.3;

    /** CLIP ViT-B/32 gives matching pairs about 0.25–0.35 and unrelated ones 0.1–0.18. */
    public static final double DEFAULT_MIN_IMAGE_TEXT_SCORE = 0.2;

    public RelevanceThresholds {
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
            throw new IllegalArgumentException(
                    "minSimilarity must be within -1..1, was " + minSimilarity);
        }
        if (!Double.isFinite(minImageTextScore)) {
            throw new IllegalArgumentException(
                    "minImageTextScore must be a number, was " + minImageTextScore);
        }
    }

    /** Similarity at least 0.3; image-text score at least 0.2. */
    public static RelevanceThresholds defaults() {
        return new RelevanceThresholds(DEFAULT_MIN_SIMILARITY, DEFAULT_MIN_IMAGE_TEXT_SCORE);
    }

    public RelevanceThresholds withMinSimilarity(double value) {
        return new RelevanceThresholds(value, minImageTextScore);
    }

    public RelevanceThresholds withMinImageTextScore(double value) {
        return new RelevanceThresholds(minSimilarity, value);
    }
}
