package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Tests for {@link Planes} and {@link Canvas}. */
class PlanesTest {

    @Test
    void shouldCopyAPlaneWhenTheWindowIsTheWholeSourceAtTheSameSize() {
        byte[] source = new byte[8 * 4];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (i * 7);
        }
        byte[] target = new byte[source.length];

        Planes.sample(source, 0, 8, 4, target, 0, 8, 4, 0, 0, 8, 4);

        assertThat(target).isEqualTo(source);
    }

    @Test
    void shouldInterpolateBetweenNeighboursWhenEnlarging() {
        byte[] source = {0, (byte) 200};
        byte[] target = new byte[4];

        Planes.sample(source, 0, 2, 1, target, 0, 4, 1, 0, 0, 2, 1);

        assertThat(target[0] & 0xff).isZero();
        assertThat(target[1] & 0xff).isEqualTo(50);
        assertThat(target[2] & 0xff).isEqualTo(150);
        assertThat(target[3] & 0xff).isEqualTo(200);
    }

    @Test
    void shouldShowTheZoomedWindowOnly() {
        // Left half dark, right half bright: a window on the right half is all bright.
        byte[] source = new byte[16 * 2];
        for (int y = 0; y < 2; y++) {
            for (int x = 8; x < 16; x++) {
                source[y * 16 + x] = (byte) 240;
            }
        }
        byte[] target = new byte[8 * 2];

        Planes.sample(source, 0, 16, 2, target, 0, 8, 2, 8, 0, 8, 2);

        for (byte value : target) {
            assertThat(value & 0xff).isEqualTo(240);
        }
    }

    @Test
    void shouldBlendByWeightAndDimTowardsBlack() {
        byte[] into = {0, 100, (byte) 200};
        byte[] other = {(byte) 200, 100, 0};

        Planes.blend(into, other, 128);

        assertThat(into).containsExactly(100, 100, 100);
        Canvas canvas = new Canvas(2, 2);
        canvas.setImage(TestImages.solid(2, 2, Color.WHITE));
        Planes.dim(canvas, 0);
        assertThat(canvas.data()).containsExactly(16, 16, 16, 16, (byte) 128, (byte) 128);
    }

    @Test
    void shouldConvertColoursToYuvAndBack() {
        Color colour = new Color(220, 40, 40);
        Canvas canvas = new Canvas(4, 4);

        canvas.setImage(TestImages.solid(4, 4, colour));
        BufferedImage back = canvas.toImage();

        Color converted = new Color(back.getRGB(1, 1));
        assertThat(Math.abs(converted.getRed() - colour.getRed())).isLessThanOrEqualTo(3);
        assertThat(Math.abs(converted.getGreen() - colour.getGreen())).isLessThanOrEqualTo(3);
        assertThat(Math.abs(converted.getBlue() - colour.getBlue())).isLessThanOrEqualTo(3);
    }

    /** Solid test pictures. */
    static final class TestImages {
        static BufferedImage solid(int width, int height, Color colour) {
            return io.reelflow.operators.render.TestMedia.solid(width, height, colour);
        }
    }
}
