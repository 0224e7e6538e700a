package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link SceneAnalyzerConfig}. */
class SceneAnalyzerConfigTest {

    @Test
    void shouldHaveDocumentedDefaults() {
        SceneAnalyzerConfig config = SceneAnalyzerConfig.defaults();

        assertThat(config.targetSecondsPerScene()).isEqualTo(5.0);
        assertThat(config.minSecondsPerScene()).isEqualTo(1.5);
        assertThat(config.maxSecondsPerScene()).isEqualTo(12.0);
        assertThat(config.wordsPerSecond()).isEqualTo(2.5);
        assertThat(config.charactersPerSecond()).isEqualTo(5.0);
        assertThat(config.maxScenes()).isEqualTo(60);
    }

    @Test
    void shouldRejectNonPositiveOrNonFiniteSettings() {
        assertThatThrownBy(() -> SceneAnalyzerConfig.defaults().withReadingSpeed(0.0, 5.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wordsPerSecond must be a positive finite number");
        assertThatThrownBy(
                        () ->
                                SceneAnalyzerConfig.defaults()
                                        .withReadingSpeed(2.5, Double.POSITIVE_INFINITY))
                .hasMessageContaining("charactersPerSecond");
        assertThatThrownBy(() -> SceneAnalyzerConfig.defaults().withSceneSeconds(Double.NaN, 1, 2))
                .hasMessageContaining("targetSecondsPerScene");
    }

    @Test
    void shouldRejectTargetOutsideMinAndMax() {
        assertThatThrownBy(() -> SceneAnalyzerConfig.defaults().withSceneSeconds(5.0, 6.0, 12.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "need minSecondsPerScene <= targetSecondsPerScene <= maxSecondsPerScene");
    }

    @Test
    void shouldRejectMaxScenesBelowOne() {
        assertThatThrownBy(() -> SceneAnalyzerConfig.defaults().withMaxScenes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxScenes must be at least 1");
    }

    @Test
    void shouldChangeOnlyWhatWitherNames() {
        SceneAnalyzerConfig config = SceneAnalyzerConfig.defaults().withSceneSeconds(4, 2, 8);

        assertThat(config.targetSecondsPerScene()).isEqualTo(4.0);
        assertThat(config.minSecondsPerScene()).isEqualTo(2.0);
        assertThat(config.maxSecondsPerScene()).isEqualTo(8.0);
        assertThat(config.maxScenes()).isEqualTo(60);
    }
}
