package io.reelflow.sidecar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.sidecar.SpeechAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tests for {@link Wav}. */
class WavTest {

    private static final byte[] PCM = {1, 0, -1, -1, 0, 64, 0, -64};

    @Test
    void shouldReadToTheEndWhenSizesArePlaceholders() throws IOException {
        byte[] streamed = Wav.write(new SpeechAudio(PCM, 22_050));
        ByteBuffer header = ByteBuffer.wrap(streamed).order(ByteOrder.LITTLE_ENDIAN);
        // What espeak-ng writes to a pipe, where it cannot seek back to fill in the sizes.
        header.putInt(4, 0x7ffff024).putInt(40, 0x7ffff000);
        byte[] withOddTail = Arrays.copyOf(streamed, streamed.length + 1);

        SpeechAudio audio = Wav.read(withOddTail);

        assertThat(audio.pcm()).isEqualTo(PCM);
        assertThat(audio.sampleRate()).isEqualTo(22_050);
        assertThat(audio.samples()).isEqualTo(4);
        assertThat(audio.sample(3)).isEqualTo((short) -16384);
    }

    @Test
    void shouldWriteTrueSizes() throws IOException {
        byte[] wav = Wav.write(new SpeechAudio(PCM, 16_000));
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(wav).hasSize(Wav.HEADER_BYTES + PCM.length);
        assertThat(in.getInt(4)).isEqualTo(36 + PCM.length);
        assertThat(in.getInt(24)).isEqualTo(16_000);
        assertThat(in.getInt(40)).isEqualTo(PCM.length);
        assertThat(Wav.read(wav))
                .usingRecursiveComparison()
                .isEqualTo(new SpeechAudio(PCM, 16_000));
    }

    @Test
    void shouldRefuseWhatIsNotMono16BitWav() {
        byte[] stereo = Wav.write(new SpeechAudio(PCM, 22_050));
        ByteBuffer.wrap(stereo).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 2);

        assertThatThrownBy(() -> Wav.read("Error: no voice".getBytes()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a RIFF WAVE file");
        assertThatThrownBy(() -> Wav.read(stereo))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("2 channels");
    }

    @Test
    void shouldScaleAndClip() {
        SpeechAudio audio = new SpeechAudio(PCM, 22_050).scaled(3.0);

        assertThat(audio.sample(0)).isEqualTo((short) 3);
        assertThat(audio.sample(2)).isEqualTo(Short.MAX_VALUE);
        assertThat(audio.sample(3)).isEqualTo(Short.MIN_VALUE);
    }
}
