package io.reelflow.operators.render.audio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.operators.render.audio.AudioInput;
import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.operators.render.audio.Loudness;
import io.reelflow.operators.render.audio.LoudnessMeter;
import io.reelflow.operators.render.audio.TestAudio;
import io.reelflow.operators.render.audio.internal.MixGraph.Role;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link MixPass}. */
class MixPassTest {

    private static final int RATE = TestAudio.RATE;

    private static final double SECONDS = 8;

    private static final long TOTAL = Math.round(SECONDS * RATE);

    /**
     * How far the true peak measured here may be from {@code ebur128=peak=true}'s, which the mixer
     * reported before: FFmpeg's 192 kHz resampler has a flatter filter than BS.1770's (see {@code
     * TruePeakTest}).
     */
    private static final double PEAK_TOLERANCE_DB = 0.2;

    private static final String FFMPEG_METER = "ebur128=peak=true:metadata=1";

    @TempDir Path dir;

    /** Music (44.1 kHz AAC, resampled on decoding) and a narration of speech-like bursts. */
    private AudioPlan plan() throws IOException {
        Path music =
                TestAudio.write(
                        dir.resolve("music.m4a"),
                        44_100,
                        2,
                        SECONDS,
                        t ->
                                0.25 * Math.sin(2 * Math.PI * 220 * t)
                                        + 0.1 * Math.sin(2 * Math.PI * 5500 * t + 1));
        Random random = new Random(5);
        double[] noise = new double[(int) TOTAL + 1];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        Path voice =
                TestAudio.write(
                        dir.resolve("voice.wav"),
                        RATE,
                        1,
                        SECONDS,
                        t -> {
                            double syllable = Math.sin(Math.PI * ((t * 4) % 1));
                            double carrier =
                                    0.5 * Math.sin(2 * Math.PI * 180 * t)
                                            + 0.3 * Math.sin(2 * Math.PI * 2400 * t)
                                            + 0.05 * noise[(int) Math.min(TOTAL, t * RATE)];
                            return (t % 2 < 1.4 ? 0.8 : 0) * syllable * carrier;
                        });
        return AudioPlan.of(SECONDS).withMusic(music).withNarration(voice);
    }

    @Test
    void shouldMeasureTheTruePeakAsFfmpegsMeterDidInBothPasses() throws Exception {
        AudioPlan plan = plan();
        MixGraph graph = new MixGraph(plan, List.of(Role.MUSIC, Role.NARRATION), TOTAL, RATE);
        String measuring = graph.measuring();

        Metered first = run(plan, withFfmpegPeak(measuring));
        Metered second = run(plan, withFfmpegPeak(graph.normalising(first.outcome.loudness())));

        for (Metered pass : List.of(first, second)) {
            assertThat(pass.outcome.loudness().truePeakDbtp())
                    .isCloseTo(pass.ffmpeg.truePeakDbtp(), within(PEAK_TOLERANCE_DB));
        }
        assertThat(first.ffmpeg.truePeakDbtp()).isGreaterThan(-12);
    }

    @Test
    void shouldReadTheSameLoudnessAndWriteTheSameSamplesWithoutFfmpegsTruePeak() throws Exception {
        AudioPlan plan = plan();
        MixGraph graph = new MixGraph(plan, List.of(Role.MUSIC, Role.NARRATION), TOTAL, RATE);

        Metered first = run(plan, graph.measuring());
        Metered firstBefore = run(plan, withFfmpegPeak(graph.measuring()));
        String normalising = graph.normalising(first.outcome.loudness());
        Metered second = run(plan, normalising);
        Metered secondBefore = run(plan, withFfmpegPeak(normalising));

        assertThat(first.outcome.loudness().integratedLufs())
                .isEqualTo(firstBefore.outcome.loudness().integratedLufs())
                .isLessThan(-10);
        assertThat(first.outcome.loudness().rangeLu())
                .isEqualTo(firstBefore.outcome.loudness().rangeLu());
        assertThat(second.outcome.loudness().integratedLufs())
                .isEqualTo(secondBefore.outcome.loudness().integratedLufs())
                .isCloseTo(plan.targetLufs(), within(1.0));
        assertThat(second.outcome.samplesOut()).isEqualTo(TOTAL);
        assertThat(second.digestedSamples).isEqualTo(2 * TOTAL);
        assertThat(second.digest).isEqualTo(secondBefore.digest);
    }

    @Test
    void shouldReportSilenceAsNoPeak() throws Exception {
        Path quiet = TestAudio.write(dir.resolve("silence.wav"), RATE, 2, SECONDS, t -> 0);
        AudioPlan plan = AudioPlan.of(SECONDS).withMusic(quiet);

        Metered pass = run(plan, new MixGraph(plan, List.of(Role.MUSIC), TOTAL, RATE).measuring());

        assertThat(pass.outcome.loudness().truePeakDbtp()).isNegative().isInfinite();
        assertThat(pass.outcome.loudness().silent()).isTrue();
    }

    private static String withFfmpegPeak(String graph) {
        assertThat(graph).contains("ebur128=metadata=1");
        return graph.replace("ebur128=metadata=1", FFMPEG_METER);
    }

    /** A pass's outcome, what FFmpeg's frame metadata said, and a digest of its samples. */
    private record Metered(
            MixPass.Outcome outcome, Loudness ffmpeg, String digest, long digestedSamples) {}

    private static Metered run(AudioPlan plan, String graph) throws Exception {
        List<AudioInput> inputs = new ArrayList<>();
        inputs.add(AudioInput.open("music", plan.musicFile(), true, RATE));
        if (plan.hasNarration()) {
            inputs.add(AudioInput.open("narration", plan.narrationFile(), false, RATE));
        }
        LoudnessMeter ffmpeg = new LoudnessMeter();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long[] digested = new long[1];
        try {
            MixPass.Outcome outcome =
                    MixPass.run(
                            inputs,
                            graph,
                            TOTAL,
                            RATE,
                            (Frame frame) -> {
                                if (frame.opaque instanceof AVFrame avFrame) {
                                    ffmpeg.accept(avFrame);
                                }
                                if (frame.samples[0] instanceof ShortBuffer shorts) {
                                    ShortBuffer copy = shorts.duplicate();
                                    while (copy.hasRemaining()) {
                                        short value = copy.get();
                                        digest.update((byte) value);
                                        digest.update((byte) (value >> 8));
                                        digested[0]++;
                                    }
                                }
                            });
            return new Metered(
                    outcome,
                    ffmpeg.result(),
                    java.util.HexFormat.of().formatHex(digest.digest()),
                    digested[0]);
        } finally {
            inputs.forEach(AudioInput::close);
        }
    }
}
