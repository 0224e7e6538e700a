package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link SubtitleThresholds}. */
class SubtitleThresholdsTest {

    @Test
    void shouldChangeOneThresholdAtATime() {
        SubtitleThresholds changed =
                SubtitleThresholds.defaults()
                        .withMaxReadingPace(1.2)
                        .withMaxLines(3)
                        .withMinContrastRatio(7)
                        .withTitleSafeMargin(0.1)
                        .withMaxContrastSamples(0);

        assertThat(changed).isEqualTo(new SubtitleThresholds(1.2, 3, 7, 0.1, 0));
    }

    @Test
    void shouldRefuseValuesOutOfRange() {
        SubtitleThresholds defaults = SubtitleThresholds.defaults();

        assertThatThrownBy(() -> defaults.withMaxReadingPace(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxReadingPace");
        assertThatThrownBy(() -> defaults.withMaxLines(0)).hasMessageContaining("maxLines");
        assertThatThrownBy(() -> defaults.withMinContrastRatio(0.5))
                .hasMessageContaining("minContrastRatio");
        assertThatThrownBy(() -> defaults.withTitleSafeMargin(0.5))
                .hasMessageContaining("titleSafeMargin");
        assertThatThrownBy(() -> defaults.withMaxContrastSamples(-1))
                .hasMessageContaining("maxContrastSamples");
    }
}
