package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link CoverCrop}. */
class CoverCropTest {

    @Test
    void shouldCropTopAndBottomOfATallerPicture() {
        assertThat(CoverCrop.of(640, 480, 1280, 720)).isEqualTo(new CoverCrop(1280, 960, 0, 120));
    }

    @Test
    void shouldCropTheSidesOfAWiderPicture() {
        assertThat(CoverCrop.of(1920, 1080, 720, 1280))
                .isEqualTo(new CoverCrop(2276, 1280, 778, 0));
    }

    @Test
    void shouldOnlyScaleAPictureOfTheSameShape() {
        assertThat(CoverCrop.of(1920, 1080, 1280, 720)).isEqualTo(new CoverCrop(1280, 720, 0, 0));
    }
}
