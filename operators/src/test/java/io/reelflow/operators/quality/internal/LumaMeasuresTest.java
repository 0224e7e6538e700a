package io.reelflow.operators.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Tests for {@link LumaMeasures}. */
class LumaMeasuresTest {

    static final int W = 8;
    static final int H = 6;

    /** Frames of {@code W x H}, each painted by its index and pixel position. */
    static ByteBuffer frames(int count, PixelPainter painter) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(count * W * H);
        for (int f = 0; f < count; f++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    pixels.put((byte) painter.luma(f, x, y));
                }
            }
        }
        return pixels.flip();
    }

    interface PixelPainter {
        int luma(int frame, int x, int y);
    }

    @Test
    void shouldMeasureFlatFrames() {
        LumaMeasures.Batch batch =
                LumaMeasures.measure(frames(2, (f, x, y) -> 100 + 10 * f), 2, H, W);

        assertThat(batch.mean()).containsExactly(100f, 110f);
        assertThat(batch.deviation()[0]).isCloseTo(0f, within(1e-3f));
        assertThat(batch.sharpness()[0]).isCloseTo(0f, within(1e-3f));
        assertThat(batch.differences()[0]).isNaN();
        assertThat(batch.differences()[1]).isCloseTo(10f, within(1e-4f));
        assertThat(batch.highlights()).containsExactly(0f, 0f);
        assertThat(batch.shadows()).containsExactly(0f, 0f);
    }

    @Test
    void shouldFindEdgesContrastAndClippedPixels() {
        // Frame 0: a checkerboard of black and white; frame 1: left half white, right half black.
        LumaMeasures.Batch batch =
                LumaMeasures.measure(
                        frames(
                                2,
                                (f, x, y) ->
                                        f == 0
                                                ? ((x + y) % 2 == 0 ? 255 : 0)
                                                : (x < W / 2 ? 255 : 0)),
                        2,
                        H,
                        W);

        assertThat(batch.deviation()[0]).isCloseTo(127.5f, within(0.01f));
        assertThat(batch.highlights()[0]).isEqualTo(0.5f);
        assertThat(batch.shadows()[0]).isEqualTo(0.5f);
        // Every inner pixel of the checkerboard differs from its 4 neighbours by 255: |lap| = 1020.
        assertThat(batch.sharpness()[0]).isCloseTo(1020f * 1020f, within(1f));
        // One vertical edge is far less sharp than a checkerboard, but not flat.
        assertThat(batch.sharpness()[1]).isBetween(1f, batch.sharpness()[0] / 4);
    }

    @Test
    void shouldRefuseFramesTooSmallForALaplacian() {
        assertThatThrownBy(() -> LumaMeasures.measure(ByteBuffer.allocateDirect(4), 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x3");
    }
}
