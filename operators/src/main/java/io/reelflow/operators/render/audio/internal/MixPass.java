package io.reelflow.operators.render.audio.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import io.reelflow.operators.render.audio.AudioInput;
import io.reelflow.operators.render.audio.Loudness;
import io.reelflow.operators.render.audio.LoudnessMeter;
import io.reelflow.operators.render.audio.TruePeak;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;

/**
 * One run of the inputs through a filter graph. Inputs are pushed in step (always the one that is
 * furthest behind) and the output is pulled after every push, so the graph only ever holds the
 * little audio its filters need, never a whole track. The graph's {@code ebur128} gives the
 * loudness; the true peak of the output is measured here by {@link TruePeak}, which costs a small
 * part of {@code ebur128=peak=true}'s oversampling of every sample.
 */
public final class MixPass {

    /** Receives each output frame; the frame is only valid during the call. */
    @FunctionalInterface
    public interface Output {
        void write(Frame frame) throws IOException;
    }

    /**
     * @param samplesOut sample frames the graph produced
     * @param loudness the loudness the graph's ebur128 filter measured, with the true peak of the
     *     output
     * @param maxBufferedSamples the most sample frames pushed in but not yet out, at any time
     */
    public record Outcome(long samplesOut, Loudness loudness, long maxBufferedSamples) {}

    private MixPass() {}

    /**
     * Pushes each input until it ends or reached {@code totalSamples}, and hands every output frame
     * to {@code output}. The inputs are not closed.
     *
     * @throws IOException when FFmpeg rejects the graph or fails while filtering
     */
    public static Outcome run(
            List<AudioInput> inputs, String graph, long totalSamples, int sampleRate, Output output)
            throws IOException {
        int count = inputs.size();
        long[] pushed = new long[count];
        boolean[] ended = new boolean[count];
        LoudnessMeter meter = new LoudnessMeter();
        OutputPeak peak = new OutputPeak();
        long written = 0;
        long maxBuffered = 0;
        try (FFmpegFrameFilter filter = new FFmpegFrameFilter(graph, 2)) {
            filter.setAudioInputs(count);
            filter.setSampleRate(sampleRate);
            filter.setSampleFormat(AV_SAMPLE_FMT_FLT);
            try {
                filter.start();
            } catch (FrameFilter.Exception e) {
                throw new IOException("FFmpeg refused the audio graph " + graph + ": " + e, e);
            }
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    // A render cancelled while its sound is mixed beside the picture.
                    throw new InterruptedIOException("audio mixing interrupted");
                }
                int next = furthestBehind(pushed, ended);
                if (next < 0) {
                    break;
                }
                Frame frame = pushed[next] < totalSamples ? inputs.get(next).next() : null;
                if (frame == null) {
                    filter.push(next, null);
                    ended[next] = true;
                } else {
                    filter.push(next, frame);
                    pushed[next] += AudioInput.samples(frame);
                }
                long ahead = 0;
                for (long p : pushed) {
                    ahead = Math.max(ahead, Math.min(p, totalSamples));
                }
                maxBuffered = Math.max(maxBuffered, ahead - written);
                written += drain(filter, meter, peak, output);
            }
            written += drain(filter, meter, peak, output);
        } catch (FrameFilter.Exception e) {
            throw new IOException("audio filtering failed: " + e.getMessage(), e);
        }
        Loudness loudness = meter.result();
        return new Outcome(
                written,
                new Loudness(loudness.integratedLufs(), peak.dbtp(), loudness.rangeLu()),
                maxBuffered);
    }

    private static int furthestBehind(long[] pushed, boolean[] ended) {
        int next = -1;
        for (int i = 0; i < pushed.length; i++) {
            if (!ended[i] && (next < 0 || pushed[i] < pushed[next])) {
                next = i;
            }
        }
        return next;
    }

    /** Pulls what the graph can give without more input. */
    private static long drain(
            FFmpegFrameFilter filter, LoudnessMeter meter, OutputPeak peak, Output output)
            throws FrameFilter.Exception, IOException {
        long samples = 0;
        Frame frame;
        while ((frame = filter.pullSamples()) != null) {
            if (frame.opaque instanceof AVFrame) {
                meter.accept((AVFrame) frame.opaque);
            }
            peak.accept(frame);
            samples += AudioInput.samples(frame);
            output.write(frame);
        }
        return samples;
    }

    /**
     * The true peak of the graph's output frames, in whatever sample format the graph ends with
     * (double after {@code ebur128}, 16-bit for the file), interleaved or planar.
     */
    static final class OutputPeak {
        private TruePeak peak;
        private float[] values = new float[0];

        void accept(Frame frame) throws IOException {
            int channels = frame.audioChannels;
            int samples = AudioInput.samples(frame);
            if (samples == 0) {
                return;
            }
            if (peak == null) {
                peak = new TruePeak(channels);
            }
            if (values.length < samples * channels) {
                values = new float[samples * channels];
            }
            Buffer[] planes = frame.samples;
            if (planes.length == 1) {
                copy(planes[0], values, 0, 1, samples * channels);
            } else {
                for (int c = 0; c < channels; c++) {
                    copy(planes[c], values, c, channels, samples);
                }
            }
            peak.accept(values, samples);
        }

        double dbtp() {
            return peak == null ? Double.NEGATIVE_INFINITY : peak.dbtp();
        }

        /**
         * {@code count} samples of {@code source} into every {@code step}-th value from {@code at}.
         */
        private static void copy(Buffer buffer, float[] values, int at, int step, int count)
                throws IOException {
            int from = buffer.position();
            if (buffer instanceof ShortBuffer shorts) {
                for (int i = 0; i < count; i++) {
                    values[at + i * step] = shorts.get(from + i) / 32768f;
                }
            } else if (buffer instanceof FloatBuffer floats) {
                for (int i = 0; i < count; i++) {
                    values[at + i * step] = floats.get(from + i);
                }
            } else if (buffer instanceof DoubleBuffer doubles) {
                for (int i = 0; i < count; i++) {
                    values[at + i * step] = (float) doubles.get(from + i);
                }
            } else if (buffer instanceof IntBuffer ints) {
                for (int i = 0; i < count; i++) {
                    values[at + i * step] = (float) (ints.get(from + i) / 2147483648.0);
                }
            } else if (buffer instanceof ByteBuffer bytes) {
                // JavaCV hands unsigned 8-bit samples as plain bytes.
                for (int i = 0; i < count; i++) {
                    values[at + i * step] = ((bytes.get(from + i) & 0xff) - 128) / 128f;
                }
            } else {
                throw new IOException(
                        "the audio graph produced samples in a "
                                + buffer.getClass().getSimpleName());
            }
        }
    }
}
