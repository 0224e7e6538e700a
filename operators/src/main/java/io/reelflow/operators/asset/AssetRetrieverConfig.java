package io.reelflow.operators.asset;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of asset retrieval. Immutable and serializable so a Flink function can carry it; start
 * from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * AssetRetrieverConfig config = AssetRetrieverConfig.defaults().withMinScore(0.4).withTopK(30);
 * }</pre>
 *
 * @param minScore below this final score (0..1) a scene gets no stock asset and is generated
 * @param fitBonus added for each fit: a clip covering the scene, the video's orientation, a camera
 *     cue or the scene's mood found in the asset's tags
 * @param mismatchPenalty subtracted for the wrong orientation and (scaled by the shortfall) a clip
 *     shorter than its scene; half of it for an asset of the opposite mood
 * @param contextWeight weight of the words that are not keywords or entities (concepts found in the
 *     scene's text, time cues, words of an English prompt) relative to keywords (1.0)
 * @param descriptionWeight weight of a match in an asset's title or description relative to a match
 *     in its tags (1.0)
 * @param topK candidates taken from the index per scene before fit scoring and assignment
 * @param glossary whether query words are translated to English concepts through the glossary
 * @param refreshInterval how often the shared index polls the catalog's version
 * @param denseWeight share of the dense signal (cosine similarity of the scene's English prompt and
 *     the asset's description, from the sentence embedder) in an asset's relevance, the rest being
 *     normalised BM25; 0 is BM25 alone
 * @param denseCacheSize how many asset description vectors the shared index keeps (about 1.6 kB
 *     each)
 */
public record AssetRetrieverConfig(
        double minScore,
        double fitBonus,
        double mismatchPenalty,
        double contextWeight,
        double descriptionWeight,
        int topK,
        boolean glossary,
        Duration refreshInterval,
        double denseWeight,
        int denseCacheSize)
        implements Serializable {

    private static final long serialVersionUID = 3L;

    public AssetRetrieverConfig {
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        within("minScore", minScore, 0, 1);
        within("fitBonus", fitBonus, 0, 0.5);
        within("mismatchPenalty", mismatchPenalty, 0, 1);
        within("contextWeight", contextWeight, 0, 1);
        within("descriptionWeight", descriptionWeight, 0, 1);
        if (topK < 1 || topK > 1_000) {
            throw new IllegalArgumentException("topK must be within 1..1000, was " + topK);
        }
        if (refreshInterval.isNegative() || refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "refreshInterval must be at least 1 s, was " + refreshInterval);
        }
        within("denseWeight", denseWeight, 0, 1);
        if (denseCacheSize < 1) {
            throw new IllegalArgumentException(
                    "denseCacheSize must be at least 1, was " + denseCacheSize);
        }
    }

    /**
     * The defaults with another minimum score and fit bonus (the settings of the first version).
     */
    public AssetRetrieverConfig(double minScore, double fitBonus) {
        this(
                minScore,
                fitBonus,
                DEFAULT_MISMATCH_PENALTY,
                DEFAULT_CONTEXT_WEIGHT,
                DEFAULT_DESCRIPTION_WEIGHT,
                DEFAULT_TOP_K,
                true,
                DEFAULT_REFRESH_INTERVAL,
                DEFAULT_DENSE_WEIGHT,
                DEFAULT_DENSE_CACHE_SIZE);
    }

    public static final double DEFAULT_MIN_SCORE = 0.25;
    public static final double DEFAULT_FIT_BONUS = 0.05;
    public static final double DEFAULT_MISMATCH_PENALTY = 0.1;
    public static final double DEFAULT_CONTEXT_WEIGHT = 0.5;
    public static final double DEFAULT_DESCRIPTION_WEIGHT = 0.7;
    public static final int DEFAULT_TOP_K = 20;
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(60);
    public static final double DEFAULT_DENSE_WEIGHT = 0;
    public static final int DEFAULT_DENSE_CACHE_SIZE = 20_000;

    /**
     * Min score 0.25, fit bonus 0.05, mismatch penalty 0.1, context weight 0.5, description weight
     * 0.7, top 20, glossary on, refresh every 60 s, dense weight 0 (BM25 alone: the dense signal is
     * opt-in, see the asset README), 20,000 cached description vectors.
     */
    public static AssetRetrieverConfig defaults() {
        return new AssetRetrieverConfig(DEFAULT_MIN_SCORE, DEFAULT_FIT_BONUS);
    }

    public AssetRetrieverConfig withMinScore(double value) {
        return new AssetRetrieverConfig(
                value,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                topK,
                glossary,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withFitBonus(double value) {
        return new AssetRetrieverConfig(
                minScore,
                value,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                topK,
                glossary,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withMismatchPenalty(double value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                value,
                contextWeight,
                descriptionWeight,
                topK,
                glossary,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withContextWeight(double value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                value,
                descriptionWeight,
                topK,
                glossary,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withDescriptionWeight(double value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                value,
                topK,
                glossary,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withTopK(int value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                value,
                glossary,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withGlossary(boolean value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                topK,
                value,
                refreshInterval,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withRefreshInterval(Duration value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                topK,
                glossary,
                value,
                denseWeight,
                denseCacheSize);
    }

    public AssetRetrieverConfig withDenseWeight(double value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                topK,
                glossary,
                refreshInterval,
                value,
                denseCacheSize);
    }

    public AssetRetrieverConfig withDenseCacheSize(int value) {
        return new AssetRetrieverConfig(
                minScore,
                fitBonus,
                mismatchPenalty,
                contextWeight,
                descriptionWeight,
                topK,
                glossary,
                refreshInterval,
                denseWeight,
                value);
    }

    private static void within(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be within " + min + ".." + max + ", was " + value);
        }
    }
}
