package io.reelflow.operators.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.render.TestMedia;
import io.reelflow.schemas.RenderSpec;
import org.junit.jupiter.api.Test;

/** Tests for {@link QualityConfig}. */
class QualityConfigTest {

    @Test
    void shouldDefaultToTheStandardPreset() {
        assertThat(QualityConfig.defaults()).isEqualTo(QualityConfig.preset("standard"));
        assertThat(QualityConfig.defaults().preset()).isEqualTo(QualityConfig.STANDARD);
    }

    @Test
    void shouldTightenFromDraftToStrict() {
        QualityConfig draft = QualityConfig.preset("draft");
        QualityConfig standard = QualityConfig.preset("Standard");
        QualityConfig strict = QualityConfig.preset(" STRICT ");

        assertThat(strict.durationToleranceSeconds())
                .isLessThan(standard.durationToleranceSeconds())
                .isLessThan(draft.durationToleranceSeconds());
        assertThat(strict.minSharpness())
                .isGreaterThan(standard.minSharpness())
                .isGreaterThan(draft.minSharpness());
        assertThat(strict.maxBlackShare())
                .isLessThan(standard.maxBlackShare())
                .isLessThan(draft.maxBlackShare());
        assertThat(strict.maxStillShare())
                .isLessThan(standard.maxStillShare())
                .isLessThan(draft.maxStillShare());
    }

    @Test
    void shouldRejectAnUnknownPresetNamingTheKnownOnes() {
        assertThatThrownBy(() -> QualityConfig.preset("lenient"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unsupported quality preset 'lenient' (use one of draft, standard, strict)");
    }

    @Test
    void shouldTakeThePresetTheSpecNames() {
        RenderSpec spec = TestMedia.spec(3, false);
        QualityConfig tuned = QualityConfig.defaults().withDurationToleranceSeconds(0.2);

        assertThat(tuned.forSpec(spec)).isSameAs(tuned);
        assertThat(tuned.forSpec(RenderSpec.newBuilder(spec).setQualityPreset("standard").build()))
                .isSameAs(tuned);
        assertThat(tuned.forSpec(RenderSpec.newBuilder(spec).setQualityPreset("strict").build()))
                .isEqualTo(QualityConfig.preset("strict"));
    }

    @Test
    void shouldRejectOutOfRangeValues() {
        assertThatThrownBy(() -> QualityConfig.defaults().withDurationToleranceSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationToleranceSeconds");
        assertThatThrownBy(() -> QualityConfig.defaults().withAnalysisHeight(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("analysisHeight");
    }
}
