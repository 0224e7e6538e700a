package io.reelflow.operators.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link AudioClips}. */
class AudioClipsTest {

    @TempDir Path dir;

    @Test
    void shouldMeasureALengthAtTheMixRateWhateverTheFilesRate() throws IOException {
        // espeak-ng answers 22,050 Hz mono; resampling keeps the length to within a millisecond
        Path speech = TestAudio.tone(dir.resolve("speech.wav"), 440, 0.5, 22_050, 1, 1.5);

        assertThat(AudioClips.samples(speech)).isBetween(72_000L - 48, 72_000L + 48);
    }

    @Test
    void shouldRefuseAFileWithoutSound() throws IOException {
        Path garbage = TestAudio.garbage(dir.resolve("garbage.wav"));

        assertThatThrownBy(() -> AudioClips.samples(garbage)).isInstanceOf(IOException.class);
    }

    @Test
    void shouldPlaceEachPieceAtItsOffsetWithSilenceBetween() throws IOException {
        Path a = TestAudio.tone(dir.resolve("a.wav"), 1000, 0.5, TestAudio.RATE, 1, 1.0);
        Path b = TestAudio.tone(dir.resolve("b.wav"), 1000, 0.5, TestAudio.RATE, 1, 1.0);
        Path track = dir.resolve("track.wav");

        AudioClips.place(
                List.of(
                        new AudioClips.Placement(b, 3 * TestAudio.RATE),
                        new AudioClips.Placement(a, TestAudio.RATE / 2)),
                5 * TestAudio.RATE,
                track);

        assertThat(Files.exists(track)).isTrue();
        assertThat(AudioClips.samples(track)).isEqualTo(5L * TestAudio.RATE);
        assertThat(AudioClips.loudnessLufs(track, 0.6, 1.4)).isGreaterThan(-20);
        assertThat(AudioClips.loudnessLufs(track, 1.6, 2.9)).isLessThan(-60);
        assertThat(AudioClips.loudnessLufs(track, 3.1, 3.9)).isGreaterThan(-20);
        assertThat(AudioClips.loudnessLufs(track, 4.1, 5.0)).isLessThan(-60);
    }
}
