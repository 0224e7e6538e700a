package io.reelflow.operators.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link AssetRetrieverConfig}. */
class AssetRetrieverConfigTest {

    @Test
    void shouldHaveDocumentedDefaults() {
        AssetRetrieverConfig config = AssetRetrieverConfig.defaults();

        assertThat(config.minScore()).isEqualTo(AssetRetrieverConfig.DEFAULT_MIN_SCORE);
        assertThat(config.fitBonus()).isEqualTo(0.05);
        assertThat(config.mismatchPenalty()).isEqualTo(0.1);
        assertThat(config.contextWeight()).isEqualTo(0.5);
        assertThat(config.descriptionWeight()).isEqualTo(0.7);
        assertThat(config.topK()).isEqualTo(20);
        assertThat(config.glossary()).isTrue();
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldKeepTheOtherDefaultsInTheTwoValueConstructor() {
        AssetRetrieverConfig config = new AssetRetrieverConfig(0.4, 0.02);

        assertThat(config)
                .isEqualTo(AssetRetrieverConfig.defaults().withMinScore(0.4).withFitBonus(0.02));
    }

    @Test
    void shouldRejectSettingsOutOfRange() {
        AssetRetrieverConfig defaults = AssetRetrieverConfig.defaults();

        assertThatThrownBy(() -> defaults.withMinScore(1.5)).hasMessageContaining("minScore");
        assertThatThrownBy(() -> defaults.withFitBonus(-0.1)).hasMessageContaining("fitBonus");
        assertThatThrownBy(() -> defaults.withMismatchPenalty(Double.NaN))
                .hasMessageContaining("mismatchPenalty");
        assertThatThrownBy(() -> defaults.withTopK(0)).hasMessageContaining("topK");
        assertThatThrownBy(() -> defaults.withRefreshInterval(Duration.ofMillis(10)))
                .hasMessageContaining("refreshInterval");
        assertThatThrownBy(() -> defaults.withRefreshInterval(null))
                .hasMessageContaining("refreshInterval");
    }
}
