package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link JpegStill}. */
class JpegStillTest {

    @TempDir Path directory;

    @Test
    void shouldHalveInTheDctDomainOnlyWhenHalfIsStillEnough() {
        // A portrait photo on the pad of a 720p still needs 624 x 936.
        assertThat(JpegStill.lowresFor(2560, 3838, 624, 936)).isEqualTo(1);
        // A landscape photo covering a 720p still needs nearly all of it.
        assertThat(JpegStill.lowresFor(2560, 1440, 1664, 936)).isZero();
        assertThat(JpegStill.lowresFor(1281, 720, 641, 360)).isEqualTo(1);
        assertThat(JpegStill.lowresFor(1279, 720, 641, 360)).isZero();
    }

    @Test
    void shouldNeverShrinkMoreThanTheSharpHalving() {
        assertThat(JpegStill.lowresFor(9000, 7000, 100, 100)).isEqualTo(JpegStill.MAX_LOWRES);
    }

    @Test
    void shouldContainAPictureInAnEvenSizeWithinTheStill() {
        int[] size = JpegStill.contained(2056, 3088, 1664, 936);

        assertThat(size).containsExactly(624, 936);
        assertThat(JpegStill.contained(4000, 100, 1664, 936)).containsExactly(1664, 42);
    }

    @Test
    void shouldTakeOnlyJpegsOfYcbcrOrGreySamples() throws Exception {
        Path png = Files.write(directory.resolve("b"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path empty = Files.write(directory.resolve("c"), new byte[0]);
        Path truncated =
                Files.write(
                        directory.resolve("d"),
                        new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0});

        assertThat(JpegStill.isYcbcrOrGrey(jpeg(3, -1, new int[] {1, 2, 3}))).isTrue();
        assertThat(JpegStill.isYcbcrOrGrey(jpeg(1, -1, new int[] {1}))).isTrue();
        assertThat(JpegStill.isYcbcrOrGrey(jpeg(3, 1, new int[] {1, 2, 3}))).isTrue();
        assertThat(JpegStill.isYcbcrOrGrey(jpeg(3, 0, new int[] {1, 2, 3}))).isFalse();
        assertThat(JpegStill.isYcbcrOrGrey(jpeg(3, -1, new int[] {'R', 'G', 'B'}))).isFalse();
        assertThat(JpegStill.isYcbcrOrGrey(jpeg(4, 2, new int[] {1, 2, 3, 4}))).isFalse();
        assertThat(JpegStill.isYcbcrOrGrey(png)).isFalse();
        assertThat(JpegStill.isYcbcrOrGrey(empty)).isFalse();
        assertThat(JpegStill.isYcbcrOrGrey(truncated)).isFalse();
    }

    /**
     * The header of a JPEG (no picture data): SOI, an Adobe segment with {@code adobeTransform}
     * (none when negative), a baseline frame header with these component ids.
     */
    private Path jpeg(int components, int adobeTransform, int[] ids) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xff, (byte) 0xd8});
        if (adobeTransform >= 0) {
            out.write(new byte[] {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e'});
            out.write(new byte[] {0, 100, 0, 0, 0, 0, (byte) adobeTransform});
        }
        out.write(new byte[] {(byte) 0xff, (byte) 0xc0, 0, (byte) (8 + 3 * components)});
        out.write(new byte[] {8, 0, 16, 0, 16, (byte) components});
        for (int i = 0; i < components; i++) {
            out.write(new byte[] {(byte) ids[i], 0x11, 0});
        }
        return Files.write(
                directory.resolve("header-" + out.size() + "-" + adobeTransform + ids[0]),
                out.toByteArray());
    }
}
