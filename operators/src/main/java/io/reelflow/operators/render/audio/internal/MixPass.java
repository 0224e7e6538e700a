package io.reelflow.operators.render.audio.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import io.reelflow.operators.render.audio.AudioInput;
import io.reelflow.operators.render.audio.InterleavedSamples;
import io.reelflow.operators.render.audio.Loudness;
import io.reelflow.operators.render.audio.LoudnessMeter;
import io.reelflow.operators.render.audio.TruePeak;
import java.io.IOException;
import java.io.InterruptedIOException;
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
        return new Outcome(written, meter.result().withTruePeak(peak.dbtp()), maxBuffered);
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
            if (frame.opaque instanceof AVFrame raw) {
                meter.accept(raw);
                peak.accept(frame, raw.format());
            }
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
        private final InterleavedSamples output = new InterleavedSamples();
        private TruePeak peak;

        void accept(Frame frame, int sampleFormat) throws IOException {
            int samples = AudioInput.samples(frame);
            if (samples == 0) {
                return;
            }
            if (peak == null) {
                peak = new TruePeak(frame.audioChannels);
            }
            output.read(frame.samples, frame.audioChannels, samples, sampleFormat);
            peak.accept(output.values(), samples);
        }

        double dbtp() {
            return peak == null ? Double.NEGATIVE_INFINITY : peak.dbtp();
        }
    }
}
