package io.reelflow.operators.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/** Tests for {@link TruePeak}. */
class TruePeakTest {

    private static final int RATE = 48_000;

    /** Three seconds of stereo sound, the right channel at 0.8 of the left one shifted a little. */
    private static float[] stereo(DoubleUnaryOperator left) {
        int frames = 3 * RATE;
        float[] samples = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            // A 50 ms fade-in, as sound starts in a mix: no step at the first sample.
            double fade = Math.min(1, t / 0.05);
            samples[2 * i] = (float) (fade * left.applyAsDouble(t));
            samples[2 * i + 1] = (float) (0.8 * fade * left.applyAsDouble(t + 0.0003));
        }
        return samples;
    }

    private static Map<String, float[]> signals() {
        Random random = new Random(7);
        double[] noise = new double[3 * RATE + 64];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        Map<String, float[]> signals = new LinkedHashMap<>();
        // Samples at +-0.354 of a 0.5 sine: its peaks fall between samples, 3 dB above them.
        signals.put(
                "inter-sample peaks", stereo(t -> 0.5 * Math.sin(Math.PI * RATE / 2 * t + 0.785)));
        signals.put("997 Hz", stereo(t -> 0.5 * Math.sin(2 * Math.PI * 997 * t + 0.7)));
        signals.put("11 kHz", stereo(t -> 0.5 * Math.sin(2 * Math.PI * 11025 * t + 0.3)));
        signals.put(
                "tones with a loud burst",
                stereo(
                        t ->
                                0.2 * Math.sin(2 * Math.PI * 220 * t)
                                        + 0.1 * Math.sin(2 * Math.PI * 3300 * t + 1)
                                        + (Math.abs(t - 1.5) < 0.1
                                                ? 0.3 * Math.sin(2 * Math.PI * 7000 * t)
                                                : 0)));
        signals.put(
                "clipped sine",
                stereo(t -> Math.max(-0.9, Math.min(0.9, 1.5 * Math.sin(2 * Math.PI * 440 * t)))));
        signals.put(
                "smoothed noise",
                stereo(
                        t -> {
                            int at = (int) (t * RATE);
                            double sum = 0;
                            for (int k = 0; k < 8; k++) {
                                sum += noise[at + k];
                            }
                            return 0.2 * sum / 8;
                        }));
        signals.put("silence then a click", silenceThenClick());
        return signals;
    }

    private static float[] silenceThenClick() {
        float[] samples = new float[2 * 3 * RATE];
        samples[2 * 2 * RATE] = 0.5f;
        samples[2 * 2 * RATE + 2] = -0.5f;
        return samples;
    }

    /** Pushes {@code samples} in pieces of varying length, as decoded frames come. */
    private static TruePeak measured(TruePeak meter, float[] samples) {
        Random random = new Random(3);
        int frames = samples.length / 2;
        int at = 0;
        while (at < frames) {
            int piece = Math.min(frames - at, 1 + random.nextInt(2048));
            meter.accept(Arrays.copyOfRange(samples, 2 * at, 2 * (at + piece)), piece);
            at += piece;
        }
        return meter;
    }

    @Test
    void shouldFindTheSamePeakAsInterpolatingEverySample() {
        for (Map.Entry<String, float[]> signal : signals().entrySet()) {
            double skipping = measured(new TruePeak(2), signal.getValue()).linear();
            double everything = measured(TruePeak.exhaustive(2), signal.getValue()).linear();

            assertThat(skipping).as(signal.getKey()).isPositive().isEqualTo(everything);
        }
    }

    @Test
    void shouldMeasureThePeaksBetweenSamples() {
        double peak = measured(new TruePeak(2), signals().get("inter-sample peaks")).dbtp();

        // The samples reach -9.0 dBFS, the waveform -6.0 dBFS between them.
        assertThat(peak).isCloseTo(-6.02, within(0.1));
    }

    @Test
    void shouldAgreeWithFfmpegsTruePeakMeter() throws Exception {
        for (Map.Entry<String, float[]> signal : signals().entrySet()) {
            double ours = measured(new TruePeak(2), signal.getValue()).dbtp();

            // FFmpeg resamples to 192 kHz with its own filter, flatter than the Annex's example
            // (which reads up to 0.17 dB high on steady tones of 5-11 kHz).
            assertThat(ours)
                    .as(signal.getKey())
                    .isCloseTo(ffmpegTruePeak(signal.getValue()), within(0.2));
        }
    }

    @Test
    void shouldReportSilenceAsNoPeak() {
        TruePeak meter = new TruePeak(2);
        meter.accept(new float[2048], 1024);

        assertThat(meter.linear()).isZero();
        assertThat(meter.dbtp()).isNegative().isInfinite();
    }

    /** What {@code ebur128=peak=true}, the meter used before, reads for {@code samples}. */
    private static double ffmpegTruePeak(float[] samples) throws Exception {
        LoudnessMeter meter = new LoudnessMeter();
        try (FFmpegFrameFilter filter =
                new FFmpegFrameFilter("[in]ebur128=peak=true:metadata=1[out]", 2)) {
            filter.setSampleRate(RATE);
            filter.setSampleFormat(AV_SAMPLE_FMT_FLT);
            filter.start();
            int frames = samples.length / 2;
            for (int at = 0; at < frames; at += 1024) {
                int piece = Math.min(1024, frames - at);
                Frame frame = new Frame();
                frame.sampleRate = RATE;
                frame.audioChannels = 2;
                frame.samples =
                        new Buffer[] {
                            FloatBuffer.wrap(Arrays.copyOfRange(samples, 2 * at, 2 * (at + piece)))
                        };
                filter.push(frame);
                drain(filter, meter);
            }
            filter.push(null);
            drain(filter, meter);
        }
        return meter.result().truePeakDbtp();
    }

    private static void drain(FFmpegFrameFilter filter, LoudnessMeter meter) throws Exception {
        Frame out;
        while ((out = filter.pullSamples()) != null) {
            if (out.opaque instanceof AVFrame frame) {
                meter.accept(frame);
            }
        }
    }
}
