package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tests for {@link Resampler}. */
class ResamplerTest {

    @Test
    void shouldStayWithinOneStepOfExactBilinearForZoomsAndPans() {
        SplittableRandom random = new SplittableRandom(11);
        byte[] source = noise(random, 97 * 61);
        Resampler resampler = new Resampler();
        for (int trial = 0; trial < 40; trial++) {
            double width = 20 + random.nextDouble(77);
            double height = 12 + random.nextDouble(49);
            double left = random.nextDouble(97 - width);
            double top = random.nextDouble(61 - height);
            int targetWidth = 16 + random.nextInt(80);
            int targetHeight = 10 + random.nextInt(40);
            byte[] target = new byte[targetWidth * targetHeight];

            resampler.sample(
                    source,
                    0,
                    97,
                    61,
                    target,
                    0,
                    targetWidth,
                    targetWidth,
                    targetHeight,
                    left,
                    top,
                    width,
                    height);

            byte[] exact =
                    exactBilinear(
                            source, 97, 61, targetWidth, targetHeight, left, top, width, height);
            assertThat(maxDifference(target, exact)).as("trial %d", trial).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void shouldTakeTheEdgeForSamplesOutsideTheSource() {
        byte[] source = {10, 20, 30, 40};
        byte[] target = new byte[8 * 2];

        new Resampler().sample(source, 0, 2, 2, target, 0, 8, 8, 2, -3, 0, 8, 2);

        assertThat(target[0]).isEqualTo((byte) 10);
        assertThat(target[7]).isEqualTo((byte) 20);
        assertThat(target[8]).isEqualTo((byte) 30);
        assertThat(target[15]).isEqualTo((byte) 40);
    }

    @Test
    void shouldFillFromAOnePixelSource() {
        byte[] source = {(byte) 201};
        byte[] target = new byte[5 * 3];

        new Resampler().sample(source, 0, 1, 1, target, 0, 5, 5, 3, 0, 0, 1, 1);

        for (byte value : target) {
            assertThat(value).isEqualTo((byte) 201);
        }
    }

    @Test
    void shouldWriteOnlyItsRectangleOfAWiderPlane() {
        byte[] source = new byte[4 * 4];
        java.util.Arrays.fill(source, (byte) 99);
        byte[] target = new byte[10 * 6];

        new Resampler().sample(source, 0, 4, 4, target, 10 * 2 + 3, 10, 4, 4, 0, 0, 4, 4);

        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 10; x++) {
                boolean inside = y >= 2 && x >= 3 && x < 7;
                assertThat(target[y * 10 + x])
                        .as("(%d, %d)", x, y)
                        .isEqualTo(inside ? (byte) 99 : 0);
            }
        }
    }

    @Test
    void shouldGiveTheSameResultWhenReusedForOtherSizes() {
        SplittableRandom random = new SplittableRandom(5);
        byte[] source = noise(random, 120 * 80);
        Resampler reused = new Resampler();
        byte[] large = new byte[100 * 70];
        reused.sample(source, 0, 120, 80, large, 0, 100, 100, 70, 3.3, 2.1, 110, 75);

        byte[] small = new byte[30 * 20];
        reused.sample(source, 0, 120, 80, small, 0, 30, 30, 20, 40.7, 10.2, 33.1, 21.9);
        byte[] fresh = new byte[small.length];
        new Resampler().sample(source, 0, 120, 80, fresh, 0, 30, 30, 20, 40.7, 10.2, 33.1, 21.9);

        assertThat(small).isEqualTo(fresh);
    }

    @Test
    void shouldPaintTheSamePlaneInBandsAsWhole() {
        SplittableRandom random = new SplittableRandom(8);
        byte[] source = noise(random, 90 * 50);
        Resampler.Grid grid = new Resampler.Grid(90, 50, 64, 37, 4.25, 3.5, 70.5, 40.25);
        byte[] whole = new byte[64 * 37];
        new Resampler().sample(grid, source, 0, whole, 0, 64, 0, 37);

        byte[] banded = new byte[whole.length];
        Resampler resampler = new Resampler();
        for (int band = 0; band < 5; band++) {
            resampler.sample(
                    grid,
                    source,
                    0,
                    banded,
                    0,
                    64,
                    Bands.firstRow(band, 5, 37),
                    Bands.firstRow(band + 1, 5, 37));
        }

        assertThat(banded).isEqualTo(whole);
    }

    @Test
    void shouldSampleAPairOfPlanesLikeEachAlone() {
        SplittableRandom random = new SplittableRandom(9);
        byte[] source = noise(random, 2 * 40 * 30);
        Resampler.Grid grid = new Resampler.Grid(40, 30, 32, 18, 1.5, 2.75, 35.5, 20.25);
        byte[] alone = new byte[2 * 32 * 18];
        Resampler resampler = new Resampler();
        resampler.sample(grid, source, 0, alone, 0, 32, 0, 18);
        resampler.sample(grid, source, 1200, alone, 576, 32, 0, 18);

        byte[] paired = new byte[alone.length];
        new Resampler().samplePair(grid, source, 0, 1200, paired, 0, 576, 32, 0, 18);

        assertThat(paired).isEqualTo(alone);
    }

    private static byte[] noise(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Bilinear interpolation in doubles, sampling pixel centres like the resampler. */
    private static byte[] exactBilinear(
            byte[] source,
            int sourceWidth,
            int sourceHeight,
            int targetWidth,
            int targetHeight,
            double left,
            double top,
            double width,
            double height) {
        byte[] out = new byte[targetWidth * targetHeight];
        for (int y = 0; y < targetHeight; y++) {
            double sy = clamp(top + (y + 0.5) * height / targetHeight - 0.5, sourceHeight);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sourceHeight - 1);
            double fy = sy - y0;
            for (int x = 0; x < targetWidth; x++) {
                double sx = clamp(left + (x + 0.5) * width / targetWidth - 0.5, sourceWidth);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, sourceWidth - 1);
                double fx = sx - x0;
                double upper =
                        (source[y0 * sourceWidth + x0] & 0xff) * (1 - fx)
                                + (source[y0 * sourceWidth + x1] & 0xff) * fx;
                double lower =
                        (source[y1 * sourceWidth + x0] & 0xff) * (1 - fx)
                                + (source[y1 * sourceWidth + x1] & 0xff) * fx;
                out[y * targetWidth + x] = (byte) Math.round(upper * (1 - fy) + lower * fy);
            }
        }
        return out;
    }

    private static double clamp(double at, int size) {
        return Math.max(0, Math.min(size - 1, at));
    }

    private static int maxDifference(byte[] a, byte[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xff) - (b[i] & 0xff)));
        }
        return max;
    }

    @Test
    void shouldCopyAPlaneWhenTheWindowIsTheWholeSourceAtTheSameSize() {
        byte[] source = new byte[8 * 4];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (i * 7);
        }
        byte[] target = new byte[source.length];

        new Resampler().sample(source, 0, 8, 4, target, 0, 8, 8, 4, 0, 0, 8, 4);

        assertThat(target).isEqualTo(source);
    }

    @Test
    void shouldInterpolateBetweenNeighboursWhenEnlarging() {
        byte[] source = {0, (byte) 200};
        byte[] target = new byte[4];

        new Resampler().sample(source, 0, 2, 1, target, 0, 4, 4, 1, 0, 0, 2, 1);

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

        new Resampler().sample(source, 0, 16, 2, target, 0, 8, 8, 2, 8, 0, 8, 2);

        for (byte value : target) {
            assertThat(value & 0xff).isEqualTo(240);
        }
    }
}
