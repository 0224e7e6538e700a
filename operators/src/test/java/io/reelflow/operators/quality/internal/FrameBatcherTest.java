package io.reelflow.operators.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link FrameBatcher}. */
class FrameBatcherTest {

    /** A grey frame of one luma, with {@code stride - width} padding bytes of 255 per row. */
    private static ByteBuffer frame(int width, int rows, int stride, int luma) {
        ByteBuffer image = ByteBuffer.allocateDirect(stride * rows);
        for (int i = 0; i < stride * rows; i++) {
            image.put(i, (byte) (i % stride < width ? luma : 255));
        }
        return image;
    }

    @Test
    void shouldMeasureEveryFrameAcrossBatchesWithItsDifferenceToTheOneBefore() {
        FrameBatcher batcher = new FrameBatcher(6, 4, 2);
        for (int i = 0; i < 5; i++) {
            batcher.add(frame(6, 4, 16, 10 * i), 16, i * 0.5);
        }

        List<FrameSample> samples = batcher.finish();

        assertThat(samples)
                .extracting(FrameSample::mean)
                .containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
        assertThat(samples)
                .extracting(FrameSample::seconds)
                .containsExactly(0.0, 0.5, 1.0, 1.5, 2.0);
        assertThat(samples.get(0).difference()).isNaN();
        for (FrameSample sample : samples.subList(1, 5)) {
            assertThat(sample.difference()).isCloseTo(10.0, within(1e-4));
        }
    }

    @Test
    void shouldGiveNoDifferenceToTheFirstFrameAfterAJump() {
        FrameBatcher batcher = new FrameBatcher(4, 3, 8);
        batcher.add(frame(4, 3, 4, 10), 4, 0);
        batcher.add(frame(4, 3, 4, 20), 4, 0.1);
        batcher.breakSequence();
        batcher.add(frame(4, 3, 4, 90), 4, 5.0);
        batcher.add(frame(4, 3, 4, 95), 4, 5.1);

        List<FrameSample> samples = batcher.finish();

        assertThat(samples.get(1).difference()).isCloseTo(10.0, within(1e-4));
        assertThat(samples.get(2).difference()).isNaN();
        assertThat(samples.get(3).difference()).isCloseTo(5.0, within(1e-4));
    }

    @Test
    void shouldKeepOnlyTheRowsAsked() {
        // Rows below the first 3 are white (as burned-in subtitles would be) and left out.
        ByteBuffer image = ByteBuffer.allocateDirect(8 * 5);
        for (int i = 0; i < 40; i++) {
            image.put(i, (byte) (i < 24 ? 50 : 255));
        }
        FrameBatcher batcher = new FrameBatcher(8, 3, 4);
        batcher.add(image, 8, 0);

        assertThat(batcher.finish()).singleElement().extracting(FrameSample::mean).isEqualTo(50.0);
    }
}
