package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.render.audio.AudioPlan;
import org.junit.jupiter.api.Test;

/** Tests for {@link SoundThresholds}. */
class SoundThresholdsTest {

    @Test
    void shouldAimAtTheMixersTarget() {
        SoundThresholds defaults = SoundThresholds.defaults();

        assertThat(defaults.targetLufs()).isEqualTo(AudioPlan.DEFAULT_TARGET_LUFS);
        assertThat(defaults.maxTruePeakDbtp()).isGreaterThan(AudioPlan.DEFAULT_TRUE_PEAK_DBTP);
    }

    @Test
    void shouldChangeOneConcernAtATime() {
        SoundThresholds changed =
                SoundThresholds.defaults()
                        .withLoudness(-14, 1)
                        .withMaxTruePeakDbtp(-2)
                        .withSilence(-60, 1, 0.5, 0.8)
                        .withClipping(-0.5, 0.01)
                        .withMinSpeechModulation(0.3);

        assertThat(changed)
                .isEqualTo(new SoundThresholds(-14, 1, -2, -60, 1, 0.5, 0.8, -0.5, 0.01, 0.3));
    }

    @Test
    void shouldRefuseValuesOutOfRange() {
        SoundThresholds defaults = SoundThresholds.defaults();

        assertThatThrownBy(() -> defaults.withLoudness(5, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetLufs");
        assertThatThrownBy(() -> defaults.withSilence(-50, 0.5, 1.5, 0.9))
                .hasMessageContaining("maxSilenceShare");
        assertThatThrownBy(() -> defaults.withClipping(Double.NaN, 0.001))
                .hasMessageContaining("clippingLevelDbfs");
        assertThatThrownBy(() -> defaults.withMinSpeechModulation(-1))
                .hasMessageContaining("minSpeechModulation");
    }
}
