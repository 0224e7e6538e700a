package io.reelflow.operators.render.audio.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import io.reelflow.operators.render.audio.AudioInput;
import io.reelflow.operators.render.audio.Loudness;
import io.reelflow.operators.render.audio.LoudnessMeter;
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
 * little audio its filters need, never a whole track.
 */
public final class MixPass {

    /** Receives each output frame; the frame is only valid during the call. */
    @FunctionalInterface
    public interface Output {
        void write(Frame frame) throws IOException;
    }

    /**
     * @param samplesOut sample frames the graph produced
     * @param loudness what the graph's ebur128 filter measured
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
                written += drain(filter, meter, output);
            }
            written += drain(filter, meter, output);
        } catch (FrameFilter.Exception e) {
            throw new IOException("audio filtering failed: " + e.getMessage(), e);
        }
        return new Outcome(written, meter.result(), maxBuffered);
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
    private static long drain(FFmpegFrameFilter filter, LoudnessMeter meter, Output output)
            throws FrameFilter.Exception, IOException {
        long samples = 0;
        Frame frame;
        while ((frame = filter.pullSamples()) != null) {
            if (frame.opaque instanceof AVFrame) {
                meter.accept((AVFrame) frame.opaque);
            }
            samples += AudioInput.samples(frame);
            output.write(frame);
        }
        return samples;
    }
}
