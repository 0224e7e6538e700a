package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link QualityConfig}. */
class QualityConfigTest {

    @Test
    void shouldHaveDocumentedDefaults() {
        assertThat(QualityConfig.defaults()).isEqualTo(new QualityConfig(1.0, 16.0, 0.5, 0.5));
    }

    @Test
    void shouldChangeOneSettingAtATime() {
        QualityConfig config =
                QualityConfig.defaults()
                        .withDurationToleranceSeconds(0.2)
                        .withBlackLumaThreshold(20)
                        .withMaxBlackFrameRatio(0.1)
                        .withSampleIntervalSeconds(1);

        assertThat(config).isEqualTo(new QualityConfig(0.2, 20, 0.1, 1));
    }

    @Test
    void shouldRejectOutOfRangeValues() {
        assertThatThrownBy(() -> QualityConfig.defaults().withDurationToleranceSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationToleranceSeconds");
        assertThatThrownBy(() -> QualityConfig.defaults().withBlackLumaThreshold(256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blackLumaThreshold");
        assertThatThrownBy(() -> QualityConfig.defaults().withMaxBlackFrameRatio(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBlackFrameRatio");
        assertThatThrownBy(() -> QualityConfig.defaults().withSampleIntervalSeconds(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sampleIntervalSeconds");
    }
}
