package io.reelflow.operators.render.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Audio made and inspected in the tests: tones, noise, corrupt files, levels of a written track.
 */
public final class TestAudio {

    public static final int RATE = AudioMixer.SAMPLE_RATE;
    static final double MUSIC_HZ = 220;
    static final double VOICE_HZ = 3000;

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private TestAudio() {}

    /** A sine tone at {@code amplitude} (of full scale), as PCM WAV or, for {@code .m4a}, AAC. */
    public static Path tone(
            Path file, double hz, double amplitude, int sampleRate, int channels, double seconds)
            throws IOException {
        return write(
                file,
                sampleRate,
                channels,
                seconds,
                t -> amplitude * Math.sin(2 * Math.PI * hz * t));
    }

    /** White noise at {@code amplitude}, repeatable. */
    static Path noise(Path file, double amplitude, int sampleRate, double seconds)
            throws IOException {
        Random random = new Random(7);
        return write(file, sampleRate, 2, seconds, t -> amplitude * (2 * random.nextDouble() - 1));
    }

    /** Bytes that no decoder accepts. */
    static Path garbage(Path file) throws IOException {
        byte[] bytes = new byte[8192];
        new Random(42).nextBytes(bytes);
        Files.write(file, bytes);
        return file;
    }

    /**
     * Writes {@code signal(t)} (full scale is 1; louder is clipped by the 16-bit samples) in
     * chunks, so long test inputs do not sit in memory either; {@code .m4a} files are AAC.
     */
    public static Path write(
            Path file, int sampleRate, int channels, double seconds, DoubleUnaryOperator signal)
            throws IOException {
        boolean aac = file.getFileName().toString().endsWith(".m4a");
        long total = Math.round(seconds * sampleRate);
        int chunk = 1024;
        ShortBuffer buffer = ShortBuffer.allocate(chunk * channels);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels)) {
            recorder.setFormat(aac ? "mp4" : "wav");
            recorder.setAudioCodec(aac ? AV_CODEC_ID_AAC : AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(channels);
            if (aac) {
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
            for (long i = 0; i < total; i += chunk) {
                int n = (int) Math.min(chunk, total - i);
                buffer.clear();
                for (int s = 0; s < n; s++) {
                    short value =
                            (short)
                                    Math.round(
                                            32767
                                                    * signal.applyAsDouble(
                                                            (i + s) / (double) sampleRate));
                    for (int c = 0; c < channels; c++) {
                        buffer.put(value);
                    }
                }
                buffer.flip();
                recorder.recordSamples(sampleRate, channels, buffer);
            }
            recorder.stop();
        }
        return file;
    }

    /** Reads a track back as 16-bit stereo, one frame at a time. */
    interface SampleVisitor {
        /** Left and right sample at sample frame {@code index}. */
        void accept(long index, short left, short right);
    }

    /** Visits every sample frame of {@code file}; returns how many there were. */
    static long read(Path file, SampleVisitor visitor) throws IOException {
        long index = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleFormat(AV_SAMPLE_FMT_S16);
            grabber.start();
            if (grabber.getAudioChannels() != 2 || grabber.getSampleRate() != RATE) {
                throw new IOException(
                        "expected 48 kHz stereo, was "
                                + grabber.getSampleRate()
                                + " Hz x "
                                + grabber.getAudioChannels());
            }
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer samples = (ShortBuffer) frame.samples[0];
                for (int i = samples.position(); i + 1 < samples.limit(); i += 2) {
                    visitor.accept(index++, samples.get(i), samples.get(i + 1));
                }
            }
        }
        return index;
    }

    /** Sample frames in {@code file}. */
    static long sampleCount(Path file) throws IOException {
        return read(file, (index, left, right) -> {});
    }

    /** RMS of the left channel between two times, in dB of full scale. */
    static double rmsDb(Path file, double fromSeconds, double toSeconds) throws IOException {
        long from = Math.round(fromSeconds * RATE);
        long to = Math.round(toSeconds * RATE);
        double[] sum = new double[1];
        read(
                file,
                (index, left, right) -> {
                    if (index >= from && index < to) {
                        double x = left / 32768.0;
                        sum[0] += x * x;
                    }
                });
        return 10 * Math.log10(sum[0] / (to - from) + 1e-20);
    }

    /**
     * Amplitude of one frequency in the left channel between two times (Goertzel), in dB: tells the
     * music tone apart from the narration tone in a mix.
     */
    static double toneDb(Path file, double hz, double fromSeconds, double toSeconds)
            throws IOException {
        long from = Math.round(fromSeconds * RATE);
        long to = Math.round(toSeconds * RATE);
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / RATE);
        double[] state = new double[2];
        read(
                file,
                (index, left, right) -> {
                    if (index >= from && index < to) {
                        double next = left / 32768.0 + coefficient * state[0] - state[1];
                        state[1] = state[0];
                        state[0] = next;
                    }
                });
        double power =
                state[0] * state[0] + state[1] * state[1] - coefficient * state[0] * state[1];
        double amplitude = 2 * Math.sqrt(Math.max(power, 0)) / (to - from);
        return 20 * Math.log10(amplitude + 1e-12);
    }

    /** The largest absolute sample in {@code file}. */
    static int maxAbs(Path file) throws IOException {
        int[] max = new int[1];
        read(
                file,
                (index, left, right) ->
                        max[0] = Math.max(max[0], Math.max(Math.abs(left), Math.abs(right))));
        return max[0];
    }
}
