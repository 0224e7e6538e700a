package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link CentredZoom}. */
class CentredZoomTest {

    private static byte[] bgr(int width, int height, int[] values) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < width * height; i++) {
            pixels[3 * i] = (byte) values[i];
            pixels[3 * i + 1] = (byte) values[i];
            pixels[3 * i + 2] = (byte) values[i];
        }
        return pixels;
    }

    @Test
    void shouldCopyAPictureOfTheSameSizeAtScaleOne() {
        byte[] source = bgr(3, 2, new int[] {10, 20, 30, 40, 50, 60});
        byte[] target = new byte[source.length];

        CentredZoom.draw(source, 3, 2, target, 3, 2, 1.0);

        assertThat(target).isEqualTo(source);
    }

    @Test
    void shouldCropTheCentreOfALargerPicture() {
        // 4x1 picture onto a 2x1 target: the two middle pixels.
        byte[] source = bgr(4, 1, new int[] {0, 100, 200, 250});
        byte[] target = new byte[2 * 3];

        CentredZoom.draw(source, 4, 1, target, 2, 1, 1.0);

        assertThat(target[0] & 0xff).isEqualTo(100);
        assertThat(target[3] & 0xff).isEqualTo(200);
    }

    @Test
    void shouldInterpolateBetweenNeighboursWhenMagnifying() {
        // 2x1 picture doubled onto 4x1: outer pixels keep the edge values, inner ones blend.
        byte[] source = bgr(2, 1, new int[] {0, 200});
        byte[] target = new byte[4 * 3];

        CentredZoom.draw(source, 2, 1, target, 4, 1, 2.0);

        assertThat(
                        new int[] {
                            target[0] & 0xff, target[3] & 0xff, target[6] & 0xff, target[9] & 0xff
                        })
                .containsExactly(0, 50, 150, 200);
    }
}
