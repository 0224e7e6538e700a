package io.reelflow.operators.asset;

import java.io.Serializable;

/**
 * How picky retrieval is: below {@code minScore} a scene gets no stock asset and goes to
 * generation. {@code fitBonus} rewards a clip long enough for its scene and a matching orientation.
 */
public record AssetRetrieverConfig(double minScore, double fitBonus) implements Serializable {
    public AssetRetrieverConfig {
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("minScore must be within 0..1: " + minScore);
        }
        if (fitBonus < 0 || fitBonus > 0.5) {
            throw new IllegalArgumentException("fitBonus must be within 0..0.5: " + fitBonus);
        }
    }

    public static AssetRetrieverConfig defaults() {
        return new AssetRetrieverConfig(0.25, 0.05);
    }
}
