package io.reelflow.operators.scene;

import java.io.Serializable;

/**
 * Settings of {@link SceneAnalyzer}.
 *
 * <pre>{@code
 * SceneAnalyzerConfig config = SceneAnalyzerConfig.defaults().withMaxScenes(20);
 * }</pre>
 *
 * @param targetSecondsPerScene the scene length the analyzer aims for (default 5)
 * @param minSecondsPerScene shortest scene it makes when the text allows (default 1.5)
 * @param maxSecondsPerScene longest scene it makes when the text allows (default 12)
 * @param wordsPerSecond reading speed for scripts that separate words by spaces (default 2.5)
 * @param charactersPerSecond reading speed for scripts written without spaces: Chinese, Japanese,
 *     Thai, Lao, Khmer, Burmese (default 5)
 * @param maxScenes most scenes per video (default 60)
 */
public record SceneAnalyzerConfig(
        double targetSecondsPerScene,
        double minSecondsPerScene,
        double maxSecondsPerScene,
        double wordsPerSecond,
        double charactersPerSecond,
        int maxScenes)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_TARGET_SECONDS_PER_SCENE = 5.0;
    public static final double DEFAULT_MIN_SECONDS_PER_SCENE = 1.5;
    public static final double DEFAULT_MAX_SECONDS_PER_SCENE = 12.0;
    public static final double DEFAULT_WORDS_PER_SECOND = 2.5;
    public static final double DEFAULT_CHARACTERS_PER_SECOND = 5.0;
    public static final int DEFAULT_MAX_SCENES = 60;

    public SceneAnalyzerConfig {
        requirePositive("targetSecondsPerScene", targetSecondsPerScene);
        requirePositive("minSecondsPerScene", minSecondsPerScene);
        requirePositive("maxSecondsPerScene", maxSecondsPerScene);
        requirePositive("wordsPerSecond", wordsPerSecond);
        requirePositive("charactersPerSecond", charactersPerSecond);
        if (minSecondsPerScene > targetSecondsPerScene
                || targetSecondsPerScene > maxSecondsPerScene) {
            throw new IllegalArgumentException(
                    "need minSecondsPerScene <= targetSecondsPerScene <= maxSecondsPerScene, was "
                            + minSecondsPerScene
                            + ", "
                            + targetSecondsPerScene
                            + ", "
                            + maxSecondsPerScene);
        }
        if (maxScenes < 1) {
            throw new IllegalArgumentException("maxScenes must be at least 1, was " + maxScenes);
        }
    }

    /** Scenes of about 5 s (1.5 to 12 s), 2.5 words or 5 characters per second, at most 60. */
    public static SceneAnalyzerConfig defaults() {
        return new SceneAnalyzerConfig(
                DEFAULT_TARGET_SECONDS_PER_SCENE,
                DEFAULT_MIN_SECONDS_PER_SCENE,
                DEFAULT_MAX_SECONDS_PER_SCENE,
                DEFAULT_WORDS_PER_SECOND,
                DEFAULT_CHARACTERS_PER_SECOND,
                DEFAULT_MAX_SCENES);
    }

    /** The same config with other scene lengths (target, min, max in seconds). */
    public SceneAnalyzerConfig withSceneSeconds(double target, double min, double max) {
        return new SceneAnalyzerConfig(
                target, min, max, wordsPerSecond, charactersPerSecond, maxScenes);
    }

    /** The same config with other reading speeds. */
    public SceneAnalyzerConfig withReadingSpeed(double words, double characters) {
        return new SceneAnalyzerConfig(
                targetSecondsPerScene,
                minSecondsPerScene,
                maxSecondsPerScene,
                words,
                characters,
                maxScenes);
    }

    public SceneAnalyzerConfig withMaxScenes(int newMaxScenes) {
        return new SceneAnalyzerConfig(
                targetSecondsPerScene,
                minSecondsPerScene,
                maxSecondsPerScene,
                wordsPerSecond,
                charactersPerSecond,
                newMaxScenes);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be a positive finite number, was " + value);
        }
    }
}
