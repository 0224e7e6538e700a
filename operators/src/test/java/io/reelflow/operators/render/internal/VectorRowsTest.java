package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link VectorRows}; the build runs tests with {@code jdk.incubator.vector}. */
class VectorRowsTest {

    private static final int WEIGHT_BITS = 8;

    @ParameterizedTest(name = "{0} source pixels onto {1}")
    @CsvSource({
        "1664, 1280", // the close-up zoom's first frame at 720p
        "1283, 1280", // nearly 1:1, the zoom's end
        "1000, 1280", // enlarging
        "3328, 1280", // a downscale too wide for one load per eight pixels
        "1664, 1283", // a width that is no multiple of eight
    })
    void shouldInterpolateRowsExactlyLikeTheScalarLoop(int sourceWidth, int targetWidth) {
        assertThat(Resampler.vectorised()).as("tests run with the Vector API").isTrue();
        SplittableRandom random = new SplittableRandom(sourceWidth * 31L + targetWidth);
        byte[] line = new byte[sourceWidth + Resampler.VECTOR_LOAD];
        for (int i = 0; i < sourceWidth; i++) {
            line[i] = (byte) random.nextInt(256);
        }
        int[] columns = columns(sourceWidth, targetWidth, 3.37, sourceWidth - 7.1);
        VectorRows.Table table = VectorRows.table(columns, WEIGHT_BITS);
        byte[] vector = new byte[targetWidth + 5];
        int done = VectorRows.interpolate(table, line, vector, 5);

        byte[] scalar = new byte[targetWidth + 5];
        for (int x = 0; x < done; x++) {
            int at = columns[x] >>> WEIGHT_BITS;
            int low = line[at] & 0xff;
            int high = line[at + 1] & 0xff;
            scalar[5 + x] = (byte) (((low << 8) + (high - low) * (columns[x] & 0xff) + 128) >> 8);
        }
        assertThat(vector).isEqualTo(scalar);
        if (sourceWidth < 2 * targetWidth) {
            assertThat(done).isEqualTo(targetWidth / VectorRows.PIXELS * VectorRows.PIXELS);
        } else {
            assertThat(done).as("eight pixels span more than one load").isZero();
        }
    }

    @Test
    void shouldReuseOneShuffleForGroupsWithTheSameNeighbourPattern() {
        // The same zoom a whole source pixel further right: other load starts, the same patterns.
        VectorRows.Table table = VectorRows.table(columns(1664, 1280, 3.0, 1400), WEIGHT_BITS);
        VectorRows.Table moved = VectorRows.table(columns(1664, 1280, 4.0, 1400), WEIGHT_BITS);

        assertThat(moved.starts()[0]).isEqualTo(table.starts()[0] + 1);
        for (int group = 0; group < table.groups(); group++) {
            assertThat(moved.shuffles()[group]).isSameAs(table.shuffles()[group]);
        }
        long distinct =
                Arrays.stream(table.shuffles(), 0, table.groups())
                        .map(System::identityHashCode)
                        .distinct()
                        .count();
        assertThat(distinct).isLessThan(table.groups() / 4);
    }

    @ParameterizedTest(name = "{0} bytes at weight {1}")
    @CsvSource({"1664, 0", "1664, 256", "1283, 77", "7, 200"})
    void shouldMixLikeTheScalarFormula(int length, int weight) {
        SplittableRandom random = new SplittableRandom(length + weight);
        byte[] first = new byte[length + 3];
        byte[] second = new byte[length + 1];
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < second.length; i++) {
            second[i] = (byte) random.nextInt(256);
        }
        byte[] into = new byte[length + 2];
        int done = VectorRows.mix(first, 3, second, 1, into, 2, length, weight);

        assertThat(done).isLessThanOrEqualTo(length).isGreaterThan(length - 32);
        for (int i = 0; i < done; i++) {
            int expected =
                    ((first[3 + i] & 0xff) * (256 - weight) + (second[1 + i] & 0xff) * weight + 128)
                            >> 8;
            assertThat(into[2 + i] & 0xff).as("byte %d", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"1664", "903", "451", "15"})
    void shouldOverlayLikeTheSpritesScalarLoop(int length) {
        SplittableRandom random = new SplittableRandom(length);
        byte[] plane = new byte[length + 2];
        byte[] alpha = new byte[length + 5];
        byte[] target = new byte[length + 1];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < alpha.length; i++) {
            // A subtitle's alphas: mostly the box's, some text, some nothing, every value now and
            // then.
            int kind = random.nextInt(4);
            alpha[i] =
                    (byte)
                            (kind == 0
                                    ? 0
                                    : kind == 1 ? 255 : kind == 2 ? 170 : random.nextInt(256));
        }
        for (int i = 0; i < target.length; i++) {
            target[i] = (byte) random.nextInt(256);
        }
        byte[] before = target.clone();

        int done = VectorRows.overlay(plane, 2, alpha, 5, target, 1, length);

        assertThat(done).isLessThanOrEqualTo(length).isGreaterThan(length - VectorRows.PIXELS);
        assertThat(target[0]).isEqualTo(before[0]);
        for (int i = 0; i < done; i++) {
            int a = alpha[5 + i] & 0xff;
            int weight = a + (a >> 7);
            int expected =
                    a == 0
                            ? before[1 + i] & 0xff
                            : ((plane[2 + i] & 0xff) * weight
                                            + (before[1 + i] & 0xff) * (256 - weight)
                                            + 128)
                                    >> 8;
            assertThat(target[1 + i] & 0xff).as("byte %d", i).isEqualTo(expected);
        }
        for (int i = done; i < length; i++) {
            assertThat(target[1 + i]).as("byte %d, left to the caller", i).isEqualTo(before[1 + i]);
        }
    }

    @ParameterizedTest(name = "window from {0}")
    @CsvSource({"0.0", "0.25", "0.5", "17.75"})
    void shouldResampleAPlaneWithinOneStepOfExactBilinear(double left) {
        int sourceWidth = 208;
        int sourceHeight = 40;
        int targetWidth = 160;
        int targetHeight = 30;
        byte[] source = new byte[sourceWidth * sourceHeight];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) random.nextInt(256);
        }
        double windowWidth = 180.5;
        double windowHeight = 33.8;
        byte[] target = new byte[targetWidth * targetHeight];
        new Resampler()
                .sample(
                        source,
                        0,
                        sourceWidth,
                        sourceHeight,
                        target,
                        0,
                        targetWidth,
                        targetWidth,
                        targetHeight,
                        left,
                        1.5,
                        windowWidth,
                        windowHeight);

        int worst = 0;
        for (int y = 0; y < targetHeight; y++) {
            double sy = clamp(1.5 + (y + 0.5) * windowHeight / targetHeight - 0.5, sourceHeight);
            for (int x = 0; x < targetWidth; x++) {
                double sx = clamp(left + (x + 0.5) * windowWidth / targetWidth - 0.5, sourceWidth);
                int exact = (int) Math.round(bilinear(source, sourceWidth, sourceHeight, sx, sy));
                worst = Math.max(worst, Math.abs((target[y * targetWidth + x] & 0xff) - exact));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1);
    }

    /** The grid entries {@link Resampler} makes for a window {@code [left, left + width)}. */
    private static int[] columns(int sourceWidth, int targetWidth, double left, double width) {
        int[] columns = new int[targetWidth];
        for (int i = 0; i < targetWidth; i++) {
            double at = clamp(left + (i + 0.5) * width / targetWidth - 0.5, sourceWidth);
            int floor = (int) at;
            int weight = (int) Math.round((at - floor) * 256);
            if (weight == 256) {
                floor++;
                weight = 0;
            }
            columns[i] = floor << WEIGHT_BITS | weight;
        }
        return columns;
    }

    private static double clamp(double at, int size) {
        return Math.max(0, Math.min(size - 1, at));
    }

    private static double bilinear(byte[] plane, int width, int height, double x, double y) {
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        double top =
                (plane[y0 * width + x0] & 0xff) * (1 - fx) + (plane[y0 * width + x1] & 0xff) * fx;
        double bottom =
                (plane[y1 * width + x0] & 0xff) * (1 - fx) + (plane[y1 * width + x1] & 0xff) * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
