package io.reelflow.benchmarks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tests for {@link Slideshow}. */
class SlideshowTest {

    private static final Slideshow SHOW = Slideshow.P720;

    @Test
    void shouldLastSixtySecondsWithClipsOfSixPointOneSeconds() {
        assertThat(SHOW.totalFrames()).isEqualTo(1800);
        assertThat(SHOW.durationSeconds()).isEqualTo(60.0);
        assertThat(SHOW.clipFrames()).isEqualTo(183);
        assertThat(SHOW.seconds(SHOW.clipFrames())).isCloseTo(6.1, within(1e-9));
    }

    @Test
    void shouldPlaceXfadesAtMultiplesOfFourPointNineSeconds() {
        for (int k = 1; k < 12; k++) {
            assertThat(SHOW.seconds(SHOW.xfadeOffsetFrame(k))).isCloseTo(k * 4.9, within(1e-9));
        }
        assertThat(SHOW.secondsText(SHOW.xfadeOffsetFrame(3))).isEqualTo("14.7");
        assertThat(SHOW.secondsText(SHOW.xfadeOffsetFrame(10))).isEqualTo("49");
        assertThat(SHOW.secondsText(SHOW.transitionFrames())).isEqualTo("1.2");
    }

    @Test
    void shouldStartEachSceneAtTheCentreOfTheCliCrossfade() {
        for (int k = 1; k < 12; k++) {
            double xfadeStart = SHOW.seconds(SHOW.xfadeOffsetFrame(k));
            assertThat(SHOW.seconds(SHOW.sceneStartFrame(k)))
                    .isCloseTo(xfadeStart + 0.6, within(1e-9));
            assertThat(SHOW.sceneEndFrame(k - 1)).isEqualTo(SHOW.sceneStartFrame(k));
        }
    }

    @Test
    void shouldGiveFirstAndLastScenesFivePointFiveSecondsAndTheOthersFourPointNine() {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int frames = SHOW.sceneEndFrame(i) - SHOW.sceneStartFrame(i);
            double expected = i == 0 || i == 11 ? 5.5 : 4.9;
            assertThat(SHOW.seconds(frames)).as("scene %d", i).isCloseTo(expected, within(1e-9));
            sum += frames;
        }
        assertThat(sum).isEqualTo(SHOW.totalFrames());
        assertThat(SHOW.sceneStartFrame(0)).isZero();
        assertThat(SHOW.sceneEndFrame(11)).isEqualTo(1800);
    }

    @Test
    void shouldShowEachPhotoForAsLongAsTheCliClipIncludingHalfTransitions() {
        // Our scene plus half a crossfade on each side covers exactly the CLI clip's frames.
        for (int i = 0; i < 12; i++) {
            int visibleFrom = Math.max(0, SHOW.sceneStartFrame(i) - (i == 0 ? 0 : 18));
            int visibleTo = Math.min(1800, SHOW.sceneEndFrame(i) + (i == 11 ? 0 : 18));
            int cliFrom = i == 0 ? 0 : SHOW.xfadeOffsetFrame(i);
            assertThat(visibleFrom).isEqualTo(cliFrom);
            assertThat(visibleTo).isEqualTo(cliFrom + SHOW.clipFrames());
        }
    }

    @Test
    void shouldMakeTheMemoryVariantAtLeastTenMinutesLong() {
        assertThat(Slideshow.MEMORY.durationSeconds()).isGreaterThanOrEqualTo(600);
        assertThat(Slideshow.MEMORY.height()).isEqualTo(1080);
    }

    @Test
    void shouldFindVariantsByName() {
        assertThat(Slideshow.named("9X16")).isEqualTo(Slideshow.PORTRAIT);
        assertThat(Slideshow.named("1080p").width()).isEqualTo(1920);
        assertThatThrownBy(() -> Slideshow.named("4k")).hasMessageContaining("unknown variant 4k");
    }

    @Test
    void shouldRejectOverlappingCrossfadesAndOddTransitions() {
        assertThatThrownBy(() -> new Slideshow("x", 640, 360, 30, 3, 30, 30))
                .hasMessageContaining("stepFrames must exceed transitionFrames");
        assertThatThrownBy(() -> new Slideshow("x", 640, 360, 30, 3, 60, 35))
                .hasMessageContaining("even");
    }
}
