package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.render.audio.AudioMixer;
import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.operators.render.audio.TestAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link SoundMixing}. */
class SoundMixingTest {

    @TempDir Path temp;

    @Test
    void shouldMixBesideTheCallerAndPromiseAnAudioStreamAtOnce() throws IOException {
        Path music = TestAudio.tone(temp.resolve("music.wav"), 220, 0.3, 48_000, 2, 2.0);
        Soundtrack.Inputs inputs =
                new Soundtrack.Inputs(AudioPlan.of(4.0).withMusic(music), null, List.of());

        try (SoundMixing mixing = SoundMixing.start(inputs, new AudioMixer(), temp)) {
            assertThat(mixing.hasAudio()).isTrue();
            assertThat(mixing.asAudioSource()).isSameAs(mixing);

            Soundtrack soundtrack = mixing.soundtrack();

            assertThat(mixing.ready()).isTrue();
            assertThat(soundtrack.file()).contains(temp.resolve("soundtrack.wav"));
            assertThat(mixing.await()).isEqualTo(soundtrack.file());
            assertThat(soundtrack.loudnessLufs()).isCloseTo(-16.0, within(1.0));
            assertThat(soundtrack.notes()).anyMatch(note -> note.startsWith("music looped"));
        }
    }

    @Test
    void shouldHaveNoAudioStreamWhenThereIsNothingToMix() throws IOException {
        Soundtrack.Inputs nothing =
                new Soundtrack.Inputs(
                        AudioPlan.of(4.0), null, List.of("music left out: download failed (gone)"));

        try (SoundMixing mixing = SoundMixing.start(nothing, new AudioMixer(), temp)) {
            assertThat(mixing.hasAudio()).isFalse();
            assertThat(mixing.asAudioSource()).isNull();
            assertThat(mixing.ready()).isTrue();
            assertThat(mixing.soundtrack().file()).isEmpty();
            assertThat(mixing.soundtrack().notes())
                    .containsExactly("music left out: download failed (gone)");
        }
    }

    @Test
    void shouldSayTheStreamIsSilentWhenTheMixFailsAfterTheVideoStarted() throws IOException {
        Path music = TestAudio.tone(temp.resolve("music.wav"), 220, 0.3, 48_000, 2, 2.0);
        Soundtrack.Inputs inputs =
                new Soundtrack.Inputs(AudioPlan.of(4.0).withMusic(music), null, List.of());
        // A directory where the mixed file should go: the mix cannot write it.
        Path unwritable = Files.createDirectories(temp.resolve("out").resolve("soundtrack.wav"));

        try (SoundMixing mixing =
                SoundMixing.start(inputs, new AudioMixer(), unwritable.getParent())) {
            assertThat(mixing.hasAudio()).isTrue();
            Soundtrack soundtrack = mixing.soundtrack();

            assertThat(soundtrack.file()).isEmpty();
            assertThat(mixing.await()).isEmpty();
            assertThat(soundtrack.loudnessLufs()).isNull();
            assertThat(soundtrack.notes())
                    .anyMatch(note -> note.startsWith("sound left out: mixing failed"))
                    .contains(SoundMixing.SILENT_STREAM);
        }
    }

    @Test
    void shouldStopAMixUnderWayWhenClosed() throws IOException {
        Path music = TestAudio.tone(temp.resolve("music.wav"), 220, 0.3, 48_000, 2, 2.0);
        // Ten minutes of looped music: seconds of mixing, stopped long before.
        Soundtrack.Inputs inputs =
                new Soundtrack.Inputs(AudioPlan.of(600).withMusic(music), null, List.of());
        SoundMixing mixing = SoundMixing.start(inputs, new AudioMixer(), temp);

        mixing.close();

        assertThat(mixing.ready()).isTrue();
        assertThat(mixing.soundtrack().file()).isEmpty();
        assertThat(mixing.soundtrack().notes()).contains(SoundMixing.SILENT_STREAM);
    }

    @Test
    void shouldPassAGivenTrackThroughWithoutAThread() throws IOException {
        Path track = TestAudio.tone(temp.resolve("given.wav"), 220, 0.3, 48_000, 2, 1.0);

        try (SoundMixing given =
                SoundMixing.done(new Soundtrack(Optional.of(track), null, null, List.of()))) {
            assertThat(given.hasAudio()).isTrue();
            assertThat(given.ready()).isTrue();
            assertThat(given.await()).contains(track);
        }
    }
}
