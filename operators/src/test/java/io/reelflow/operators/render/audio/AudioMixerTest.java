package io.reelflow.operators.render.audio;

import static io.reelflow.operators.render.audio.TestAudio.MUSIC_HZ;
import static io.reelflow.operators.render.audio.TestAudio.RATE;
import static io.reelflow.operators.render.audio.TestAudio.VOICE_HZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link AudioMixer}. */
class AudioMixerTest {

    /** One AAC frame: the tolerance the video writer cares about. */
    private static final int ONE_FRAME = 1024;

    @TempDir Path dir;

    private final AudioMixer mixer = new AudioMixer();

    @Test
    void shouldWriteExactlyTheVideoLengthAtTheTargetLoudness() throws IOException {
        // Different rates, channel counts and codecs than the output, to exercise conversion.
        Path music = TestAudio.tone(dir.resolve("music.m4a"), MUSIC_HZ, 0.3, 44_100, 1, 6);
        Path voice = TestAudio.tone(dir.resolve("voice.wav"), VOICE_HZ, 0.5, RATE, 2, 4);
        AudioPlan plan = AudioPlan.of(10.37).withMusic(music).withNarration(voice);

        AudioMixResult result = mixer.mix(plan, dir.resolve("mix.wav"));

        long expected = Math.round(10.37 * RATE);
        assertThat(result.samplesWritten()).isCloseTo(expected, within((long) ONE_FRAME));
        assertThat(TestAudio.sampleCount(result.file()))
                .isCloseTo(expected, within((long) ONE_FRAME));
        assertThat(result.durationSeconds()).isCloseTo(10.37, within(ONE_FRAME / (double) RATE));
        assertThat(result.integratedLufs()).isCloseTo(-16.0, within(1.0));
        assertThat(result.truePeakDbtp()).isLessThanOrEqualTo(-1.5 + 0.1);
        assertThat(result.silent()).isFalse();
        assertThat(result.notes()).anyMatch(note -> note.startsWith("loudness "));
    }

    @Test
    void shouldReachTheTargetFromAQuietOrALoudSource() throws IOException {
        Path quiet = TestAudio.noise(dir.resolve("quiet.wav"), 0.01, RATE, 5);
        Path loud = TestAudio.noise(dir.resolve("loud.wav"), 0.9, RATE, 5);

        AudioMixResult fromQuiet =
                mixer.mix(AudioPlan.of(5).withNarration(quiet), dir.resolve("q.wav"));
        AudioMixResult fromLoud =
                mixer.mix(AudioPlan.of(5).withNarration(loud), dir.resolve("l.wav"));
        AudioMixResult toBroadcast =
                mixer.mix(
                        AudioPlan.of(5).withNarration(loud).withLoudness(-23, -2),
                        dir.resolve("b.wav"));

        assertThat(fromQuiet.integratedLufs()).isCloseTo(-16.0, within(1.0));
        assertThat(fromLoud.integratedLufs()).isCloseTo(-16.0, within(1.0));
        assertThat(toBroadcast.integratedLufs()).isCloseTo(-23.0, within(1.0));
    }

    @Test
    void shouldDuckTheMusicWhileNarrationPlays() throws IOException {
        Path music = TestAudio.tone(dir.resolve("music.wav"), MUSIC_HZ, 0.3, RATE, 2, 12);
        // Narration only in the first 4 seconds.
        Path voice = TestAudio.tone(dir.resolve("voice.wav"), VOICE_HZ, 0.3, RATE, 2, 4);
        AudioPlan plan = AudioPlan.of(12).withMusic(music).withNarration(voice);

        AudioMixResult result = mixer.mix(plan, dir.resolve("mix.wav"));

        double underNarration = TestAudio.toneDb(result.file(), MUSIC_HZ, 2, 3.5);
        double alone = TestAudio.toneDb(result.file(), MUSIC_HZ, 6, 8);
        assertThat(alone - underNarration).isBetween(8.0, 16.0);
        // The narration itself is not ducked: it stands above the ducked bed.
        assertThat(TestAudio.toneDb(result.file(), VOICE_HZ, 2, 3.5)).isGreaterThan(underNarration);
    }

    @Test
    void shouldFadeInAndOut() throws IOException {
        Path music = TestAudio.noise(dir.resolve("music.wav"), 0.3, RATE, 8);

        AudioMixResult result = mixer.mix(AudioPlan.of(8).withMusic(music), dir.resolve("mix.wav"));

        double middle = TestAudio.rmsDb(result.file(), 3.5, 4.5);
        assertThat(TestAudio.rmsDb(result.file(), 0, 0.1)).isLessThan(middle - 15);
        assertThat(TestAudio.rmsDb(result.file(), 7.9, 8)).isLessThan(middle - 20);
        // Half-way through the 1 s fade-in the level is about half (-6 dB).
        assertThat(TestAudio.rmsDb(result.file(), 0.45, 0.55)).isCloseTo(middle - 6, within(2.0));
    }

    @Test
    void shouldShortenFadesOfAShortVideoToAThird() throws IOException {
        Path music = TestAudio.noise(dir.resolve("music.wav"), 0.3, RATE, 3);

        AudioMixResult result =
                mixer.mix(
                        AudioPlan.of(1.5).withMusic(music).withFades(3, 3), dir.resolve("mix.wav"));

        double middle = TestAudio.rmsDb(result.file(), 0.5, 1.0);
        assertThat(middle).isGreaterThan(-30);
        assertThat(TestAudio.rmsDb(result.file(), 0, 0.05)).isLessThan(middle - 15);
    }

    @Test
    void shouldLoopMusicShorterThanTheVideo() throws IOException {
        Path music = TestAudio.tone(dir.resolve("music.wav"), MUSIC_HZ, 0.3, RATE, 2, 2.5);

        AudioMixResult result = mixer.mix(AudioPlan.of(9).withMusic(music), dir.resolve("mix.wav"));

        assertThat(result.notes()).contains("music looped 3x (2.5 s track)");
        assertThat(result.musicMixed()).isTrue();
        assertThat(TestAudio.sampleCount(result.file())).isEqualTo(9L * RATE);
        double firstPlay = TestAudio.toneDb(result.file(), MUSIC_HZ, 1.2, 2.2);
        double thirdPlay = TestAudio.toneDb(result.file(), MUSIC_HZ, 5.2, 6.2);
        assertThat(thirdPlay).isCloseTo(firstPlay, within(1.0));
    }

    @Test
    void shouldTrimMusicAndNarrationLongerThanTheVideo() throws IOException {
        Path music = TestAudio.tone(dir.resolve("music.wav"), MUSIC_HZ, 0.3, RATE, 2, 10);
        Path voice = TestAudio.tone(dir.resolve("voice.wav"), VOICE_HZ, 0.3, RATE, 2, 10);

        AudioMixResult result =
                mixer.mix(
                        AudioPlan.of(4).withMusic(music).withNarration(voice),
                        dir.resolve("mix.wav"));

        assertThat(TestAudio.sampleCount(result.file())).isEqualTo(4L * RATE);
        assertThat(result.notes())
                .contains(
                        "music trimmed to 4.0 s, fading out with the video",
                        "narration trimmed to 4.0 s, fading out with the video");
        assertThat(TestAudio.rmsDb(result.file(), 3.95, 4))
                .isLessThan(TestAudio.rmsDb(result.file(), 1.5, 2.5) - 20);
    }

    @Test
    void shouldWriteASilentTrackWhenThereAreNoInputs() throws IOException {
        AudioMixResult result = mixer.mix(AudioPlan.of(3.3), dir.resolve("silence.wav"));

        assertThat(result.silent()).isTrue();
        assertThat(result.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(result.notes()).containsExactly("no audio inputs: silent track");
        assertThat(result.samplesWritten()).isEqualTo(Math.round(3.3 * RATE));
        assertThat(TestAudio.sampleCount(result.file())).isEqualTo(Math.round(3.3 * RATE));
        assertThat(TestAudio.maxAbs(result.file())).isZero();
    }

    @Test
    void shouldDropACorruptInputWithANoteAndMixTheRest() throws IOException {
        Path music = TestAudio.garbage(dir.resolve("music.mp3"));
        Path voice = TestAudio.tone(dir.resolve("voice.wav"), VOICE_HZ, 0.3, RATE, 2, 5);

        AudioMixResult result =
                mixer.mix(
                        AudioPlan.of(5).withMusic(music).withNarration(voice),
                        dir.resolve("mix.wav"));

        assertThat(result.notes()).anyMatch(note -> note.startsWith("music dropped: "));
        assertThat(result.musicMixed()).isFalse();
        assertThat(result.integratedLufs()).isCloseTo(-16.0, within(1.0));
        assertThat(TestAudio.sampleCount(result.file())).isEqualTo(5L * RATE);
    }

    @Test
    void shouldFallBackToSilenceWhenNoInputIsUsable() throws IOException {
        Path music = TestAudio.garbage(dir.resolve("music.mp3"));
        Path missing = dir.resolve("no-such-voice.wav");

        AudioMixResult result =
                mixer.mix(
                        AudioPlan.of(2).withMusic(music).withNarration(missing),
                        dir.resolve("mix.wav"));

        assertThat(result.silent()).isTrue();
        assertThat(result.notes())
                .hasSize(3)
                .anyMatch(note -> note.startsWith("music dropped: "))
                .anyMatch(note -> note.startsWith("narration dropped: "))
                .contains("no usable audio inputs: silent track");
        assertThat(TestAudio.sampleCount(result.file())).isEqualTo(2L * RATE);
    }

    @Test
    void shouldBeReadableFrameByFrameForAnAacEncoder() throws IOException {
        Path music = TestAudio.tone(dir.resolve("music.wav"), MUSIC_HZ, 0.3, RATE, 2, 6);
        AudioMixResult result = mixer.mix(AudioPlan.of(6).withMusic(music), dir.resolve("a.wav"));
        Path aac = dir.resolve("encoded.m4a");

        // What the video writer does with the track, minus the video stream.
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(result.file().toFile());
                FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(aac.toFile(), 2)) {
            grabber.start();
            recorder.setFormat("mp4");
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(AudioMixer.SAMPLE_RATE);
            recorder.setAudioChannels(AudioMixer.CHANNELS);
            recorder.start();
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                recorder.record(frame);
            }
            recorder.stop();
        }

        try (FFmpegFrameGrabber encoded = new FFmpegFrameGrabber(aac.toFile())) {
            encoded.start();
            assertThat(encoded.getAudioCodec()).isEqualTo(AV_CODEC_ID_AAC);
            assertThat(encoded.getLengthInTime() / 1e6).isCloseTo(6.0, within(0.05));
        }
    }

    @Test
    void shouldStreamATenMinuteMixThroughABoundedBuffer() throws IOException {
        Path music = TestAudio.tone(dir.resolve("music.wav"), MUSIC_HZ, 0.3, RATE, 2, 3);
        Path voice = TestAudio.tone(dir.resolve("voice.wav"), VOICE_HZ, 0.3, RATE, 2, 20);

        AudioMixResult result =
                mixer.mix(
                        AudioPlan.of(600).withMusic(music).withNarration(voice),
                        dir.resolve("long.wav"));

        assertThat(result.samplesWritten()).isEqualTo(600L * RATE);
        assertThat(result.notes()).contains("music looped 199x (3.0 s track)");
        // Ten minutes went through, but never more than a moment of it was inside the mixer.
        assertThat(result.maxBufferedSeconds()).isLessThan(1.0);
        assertThat(result.integratedLufs()).isCloseTo(-16.0, within(1.0));
    }

    @Test
    void shouldKeepTheWholeTrackWhenPeaksMustBeLimited() throws Exception {
        // Speech-like: short loud bursts over silence, so the gain to -16 LUFS would push the peaks
        // over the limit. loudnorm's dynamic fallback let only the first 3 s through.
        int frames = RATE * 12;
        byte[] pcm = new byte[frames * 4];
        for (int i = 0; i < frames; i++) {
            boolean burst = i % RATE < RATE / 200;
            short sample =
                    (short)
                            (burst
                                    ? Math.round(
                                            0.9 * 32767 * Math.sin(2 * Math.PI * 1000.0 * i / RATE))
                                    : 0);
            for (int channel = 0; channel < 2; channel++) {
                pcm[i * 4 + channel * 2] = (byte) sample;
                pcm[i * 4 + channel * 2 + 1] = (byte) (sample >> 8);
            }
        }
        Path voice = dir.resolve("bursts.wav");
        try (javax.sound.sampled.AudioInputStream stream =
                new javax.sound.sampled.AudioInputStream(
                        new java.io.ByteArrayInputStream(pcm),
                        new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false),
                        frames)) {
            javax.sound.sampled.AudioSystem.write(
                    stream, javax.sound.sampled.AudioFileFormat.Type.WAVE, voice.toFile());
        }
        Path music = TestAudio.tone(dir.resolve("music.wav"), MUSIC_HZ, 0.02, RATE, 2, 12);

        AudioMixResult result =
                mixer.mix(
                        AudioPlan.of(12).withMusic(music).withNarration(voice),
                        dir.resolve("mix.wav"));

        assertThat(result.notes()).anyMatch(note -> note.contains("with peak limiting"));
        assertThat(result.truePeakDbtp()).isLessThanOrEqualTo(-1.5 + 0.1);
        assertThat(TestAudio.rmsDb(result.file(), 7.0, 9.5))
                .as("sound in the middle of the track")
                .isGreaterThan(-60);
        assertThat(AudioClips.loudnessLufs(result.file(), 0, 12)).isGreaterThan(-30);
    }
}
