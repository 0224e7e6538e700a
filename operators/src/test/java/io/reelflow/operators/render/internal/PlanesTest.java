package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests for {@link Planes} and {@link Canvas}. */
class PlanesTest {

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
    void shouldBlendEveryByteLikeTheScalarFormulaWhateverTheLength() {
        SplittableRandom random = new SplittableRandom(3);
        for (int length = 0; length < 40; length++) {
            byte[] into = noise(random, length);
            byte[] other = noise(random, length);
            int weight = random.nextInt(257);
            byte[] expected = new byte[length];
            for (int i = 0; i < length; i++) {
                expected[i] =
                        (byte)
                                (((into[i] & 0xff) * (256 - weight)
                                                + (other[i] & 0xff) * weight
                                                + 128)
                                        >> 8);
            }

            Planes.blend(into, other, weight);

            assertThat(into).as("length %d weight %d", length, weight).isEqualTo(expected);
        }
    }

    @Test
    void shouldDimLumaTowardsBlackAndChromaTowardsNeutralAtEveryLevel() {
        SplittableRandom random = new SplittableRandom(4);
        for (int level = 0; level <= 256; level += 8) {
            Canvas canvas = new Canvas(6, 4);
            byte[] data = canvas.data();
            System.arraycopy(noise(random, data.length), 0, data, 0, data.length);
            byte[] expected = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                int base = i < canvas.uOffset() ? Canvas.BLACK_Y : Canvas.NEUTRAL_CHROMA;
                expected[i] = (byte) (base + ((((data[i] & 0xff) - base) * level + 128) >> 8));
            }

            Planes.dim(canvas, level);

            assertThat(data).as("level %d", level).isEqualTo(expected);
        }
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

    private static byte[] noise(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Solid test pictures. */
    static final class TestImages {
        static BufferedImage solid(int width, int height, Color colour) {
            return io.reelflow.operators.render.TestMedia.solid(width, height, colour);
        }
    }
}
