package io.reelflow.operators.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Tests for {@link LumaMeasures}. */
class LumaMeasuresTest {

    static final int W = 32;
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
        // No edges: nothing to tell sharp from blurred by; only every fourth frame is measured.
        assertThat(batch.sharpness()).containsExactly(0f, Float.NaN);
        assertThat(batch.differences()[0]).isNaN();
        assertThat(batch.differences()[1]).isCloseTo(10f, within(1e-4f));
        assertThat(batch.highlights()).containsExactly(0f, 0f);
        assertThat(batch.shadows()).containsExactly(0f, 0f);
    }

    @Test
    void shouldMeasureContrastAndClippedPixels() {
        LumaMeasures.Batch batch =
                LumaMeasures.measure(frames(1, (f, x, y) -> (x + y) % 2 == 0 ? 255 : 0), 1, H, W);

        assertThat(batch.deviation()[0]).isCloseTo(127.5f, within(0.01f));
        assertThat(batch.highlights()[0]).isEqualTo(0.5f);
        assertThat(batch.shadows()[0]).isEqualTo(0.5f);
    }

    @Test
    void shouldMeasureHowWideEdgesAreWhateverTheirContrast() {
        // A crisp step of 255 levels, the same step of 60, and a ramp of 5 steps of 51 levels, in
        // the frames measured (every fourth).
        LumaMeasures.Batch batch =
                LumaMeasures.measure(
                        frames(
                                9,
                                (f, x, y) ->
                                        switch (f) {
                                            case 0 -> x < W / 2 ? 255 : 0;
                                            case 4 -> x < W / 2 ? 100 : 40;
                                            default -> Math.max(0, Math.min(255, 51 * (x - 12)));
                                        }),
                        9,
                        H,
                        W);

        // Step: |Laplacian| 255 on both sides, central differences 255 / 2 there: 2 per pixel.
        assertThat(batch.sharpness()[0]).isCloseTo(2f, within(1e-4f));
        assertThat(batch.sharpness()[4]).isCloseTo(2f, within(1e-4f));
        // Ramp: |Laplacian| 51 at both ends, gradients 25.5 + 4 x 51 + 25.5 = 255: 0.4, 2 / (5+1)
        // give or take the ends.
        assertThat(batch.sharpness()[8]).isCloseTo(0.4f, within(1e-4f));
        assertThat(batch.sharpness()[1]).isNaN();
    }

    @Test
    void shouldRefuseFramesTooSmallForALaplacian() {
        assertThatThrownBy(() -> LumaMeasures.measure(ByteBuffer.allocateDirect(4), 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x3");
    }
}
