package io.reelflow.operators.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests for {@link AudioPlan}. */
class AudioPlanTest {

    @Test
    void shouldHaveDocumentedDefaults() {
        AudioPlan plan = AudioPlan.of(30);

        assertThat(plan.durationSeconds()).isEqualTo(30);
        assertThat(plan.musicFile()).isNull();
        assertThat(plan.narrationFile()).isNull();
        assertThat(plan.hasMusic()).isFalse();
        assertThat(plan.hasNarration()).isFalse();
        assertThat(plan.musicVolumeDb()).isEqualTo(-6);
        assertThat(plan.duckingDb()).isEqualTo(-12);
        assertThat(plan.fadeInSeconds()).isEqualTo(1);
        assertThat(plan.fadeOutSeconds()).isEqualTo(2);
        assertThat(plan.targetLufs()).isEqualTo(-16);
        assertThat(plan.truePeakDbtp()).isEqualTo(-1.5);
    }

    @Test
    void shouldChangeOneSettingAtATime() {
        AudioPlan plan =
                AudioPlan.of(20)
                        .withMusic(Path.of("music.mp3"))
                        .withNarration(Path.of("voice.wav"))
                        .withMusicVolumeDb(-10)
                        .withDuckingDb(-9)
                        .withFades(0.5, 3)
                        .withLoudness(-23, -2);

        assertThat(plan)
                .isEqualTo(
                        new AudioPlan(
                                20,
                                Path.of("music.mp3"),
                                Path.of("voice.wav"),
                                -10,
                                -9,
                                0.5,
                                3,
                                -23,
                                -2));
        assertThat(plan.hasMusic()).isTrue();
        assertThat(plan.hasNarration()).isTrue();
    }

    @Test
    void shouldShortenFadesToAThirdOfTheDuration() {
        AudioPlan plan = AudioPlan.of(3).withFades(5, 2);

        assertThat(plan.fadeInSeconds()).isEqualTo(1);
        assertThat(plan.fadeOutSeconds()).isEqualTo(1);
        assertThat(AudioPlan.of(4.5).fadeOutSeconds()).isEqualTo(1.5);
        assertThat(AudioPlan.of(60).withFades(0, 0).fadeInSeconds()).isZero();
    }

    @Test
    void shouldRejectADurationThatIsNotPositive() {
        assertThatThrownBy(() -> AudioPlan.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> AudioPlan.of(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationSeconds");
        assertThatThrownBy(() -> AudioPlan.of(90_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationSeconds");
    }

    @Test
    void shouldRejectOutOfRangeLevelsAndFades() {
        AudioPlan plan = AudioPlan.of(10);

        assertThatThrownBy(() -> plan.withFades(-1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fadeInSeconds");
        assertThatThrownBy(() -> plan.withFades(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fadeOutSeconds");
        assertThatThrownBy(() -> plan.withDuckingDb(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duckingDb");
        assertThatThrownBy(() -> plan.withMusicVolumeDb(-100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("musicVolumeDb");
        assertThatThrownBy(() -> plan.withLoudness(-2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetLufs");
        assertThatThrownBy(() -> plan.withLoudness(-16, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truePeakDbtp");
    }
}
