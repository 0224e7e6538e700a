package io.reelflow.operators.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_U8;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tests for {@link InterleavedSamples}. */
class InterleavedSamplesTest {

    private final InterleavedSamples samples = new InterleavedSamples();

    @Test
    void shouldInterleavePlanarFloatBytesAsTheDecoderGivesThem() throws IOException {
        ByteBuffer left = floats(0.5f, -0.25f);
        ByteBuffer right = floats(1f, 0f);

        int count = samples.read(new Buffer[] {left, right}, 2, 2, AV_SAMPLE_FMT_FLTP);

        assertThat(Arrays.copyOf(samples.values(), count)).containsExactly(0.5f, 1f, -0.25f, 0f);
    }

    @Test
    void shouldReadJavaCvsTypedBuffersPlanarOrNot() throws IOException {
        ShortBuffer interleaved = ShortBuffer.wrap(new short[] {16384, -32768, 0, 8192});
        ShortBuffer first = ShortBuffer.wrap(new short[] {16384, 0});
        ShortBuffer second = ShortBuffer.wrap(new short[] {-32768, 8192});

        int count = samples.read(new Buffer[] {interleaved}, 2, 2, AV_SAMPLE_FMT_S16);
        float[] fromInterleaved = Arrays.copyOf(samples.values(), count);
        samples.read(new Buffer[] {first, second}, 2, 2, AV_SAMPLE_FMT_S16P);

        assertThat(fromInterleaved).containsExactly(0.5f, -1f, 0f, 0.25f);
        assertThat(Arrays.copyOf(samples.values(), count)).containsExactly(fromInterleaved);
    }

    @Test
    void shouldReadUnsignedBytesAroundTheirMiddle() throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {(byte) 128, (byte) 192, 0});

        int count = samples.read(new Buffer[] {bytes}, 1, 3, AV_SAMPLE_FMT_U8);

        assertThat(Arrays.copyOf(samples.values(), count)).containsExactly(0f, 0.5f, -1f);
    }

    @Test
    void shouldRefuseAFormatItCannotRead() {
        ByteBuffer bytes = ByteBuffer.allocate(8);

        assertThatThrownBy(() -> samples.read(new Buffer[] {bytes}, 1, 1, -1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unsupported sample format");
    }

    private static ByteBuffer floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        bytes.asFloatBuffer().put(values);
        return bytes;
    }
}
