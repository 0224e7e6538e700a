package io.reelflow.operators.quality.internal;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

import io.reelflow.operators.render.audio.InterleavedSamples;
import io.reelflow.operators.render.audio.Loudness;
import io.reelflow.operators.render.audio.LoudnessMeter;
import io.reelflow.operators.render.audio.TruePeak;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;

/**
 * A video's sound, decoded once and measured in one pass through one FFmpeg filter chain: {@code
 * ebur128} (integrated loudness), {@code silencedetect} (silent stretches), then the speech band
 * ({@code pan} to mono, {@code highpass} 300 Hz, {@code lowpass} 3400 Hz) whose envelope is kept at
 * 100 values a second for {@link SpeechActivity}. Clipped samples are counted and the true peak is
 * measured ({@link TruePeak}: BS.1770's interpolator, only where a peak can be; {@code
 * ebur128=peak=true} oversampled everything and cost twice the rest of the chain) on the decoded
 * samples before filtering. Times count from the first decoded sample.
 *
 * @param sampleRate the rate everything was measured at
 * @param samples sample frames decoded
 * @param loudness integrated loudness and true peak
 * @param clippedSamples samples (over both channels) at or above the clipping level
 * @param silences silent stretches as {@code [start, end)} pairs in seconds, in order
 * @param envelope RMS of the speech band per {@link #HOP_SECONDS}
 */
public record SoundTrack(
        int sampleRate,
        long samples,
        Loudness loudness,
        long clippedSamples,
        List<double[]> silences,
        float[] envelope) {

    /** Envelope resolution: 10 ms, fine enough for syllables (4-5 a second). */
    public static final double HOP_SECONDS = 0.01;

    static final int RATE = 48_000;

    /** Samples copied out of a frame at once (AAC frames hold 2 x 1024). */
    private static final int SCRATCH = 8192;

    private static final String SILENCE_START = "lavfi.silence_start";
    private static final String SILENCE_END = "lavfi.silence_end";

    public double durationSeconds() {
        return samples / (double) sampleRate;
    }

    /** Share of all samples (both channels) that clipped. */
    public double clippedShare() {
        return samples == 0 ? 0 : clippedSamples / (2.0 * samples);
    }

    /** Share of {@code [from, to)} that is silent; 0 for an empty window. */
    public double silenceShare(double from, double to) {
        double end = Math.min(to, durationSeconds());
        if (!(end > from)) {
            return 0;
        }
        double silent = 0;
        for (double[] silence : silences) {
            silent += Math.max(0, Math.min(end, silence[1]) - Math.max(from, silence[0]));
        }
        return Math.min(1, silent / (end - from));
    }

    /** The envelope values of {@code [from, to)}. */
    public float[] envelope(double from, double to) {
        int first = (int) Math.max(0, Math.floor(from / HOP_SECONDS));
        int last = (int) Math.min(envelope.length, Math.ceil(to / HOP_SECONDS));
        return last > first ? Arrays.copyOfRange(envelope, first, last) : new float[0];
    }

    /**
     * Measures decoded sound pushed to it in order, in the format the decoder gives (planar or
     * interleaved float or integer samples, any rate and channel count): the filter chain resamples
     * it to 48 kHz stereo float first, as the mixer's decoder does. Not thread-safe.
     */
    public static final class Meter implements AutoCloseable {
        private final String graph;
        private final float clipLevel;
        private final Pass pass = new Pass();
        private FFmpegFrameFilter filter;
        private TruePeak truePeak;
        private int channels;
        private long sourceSamples;
        private long sourceClipped;
        private final InterleavedSamples decoded = new InterleavedSamples();
        private ByteBuffer interleaved = ByteBuffer.allocateDirect(0);

        public Meter(
                double silenceThresholdDb, double minSilenceSeconds, double clippingLevelDbfs) {
            this.graph =
                    String.format(
                            Locale.ROOT,
                            "[in]aresample=%d,aformat=sample_fmts=flt:channel_layouts=stereo,"
                                    + "ebur128=metadata=1,silencedetect=n=%.1fdB:d=%.3f,"
                                    + "pan=mono|c0=0.5*c0+0.5*c1,highpass=f=300,lowpass=f=3400,"
                                    + "aformat=sample_fmts=flt[out]",
                            RATE,
                            silenceThresholdDb,
                            minSilenceSeconds);
            this.clipLevel = (float) Math.pow(10, clippingLevelDbfs / 20);
        }

        /** Whether any sound was pushed. */
        public boolean started() {
            return filter != null;
        }

        /**
         * Measures {@code samples} sample frames of {@code channels} channels.
         *
         * @param sampleFormat FFmpeg's {@code AVSampleFormat} of {@code planes}
         * @throws IOException when the format is not a plain integer or float one, or FFmpeg fails
         */
        public void accept(
                int channels, int sampleRate, int sampleFormat, int samples, Buffer[] planes)
                throws IOException {
            try {
                if (filter == null) {
                    this.channels = channels;
                    filter = new FFmpegFrameFilter(graph, channels);
                    filter.setSampleRate(sampleRate);
                    filter.setSampleFormat(AV_SAMPLE_FMT_FLT);
                    filter.start();
                    truePeak = new TruePeak(channels);
                } else if (channels != this.channels) {
                    throw new IOException(
                            "the channel count changed from " + this.channels + " to " + channels);
                }
                int count = decoded.read(planes, channels, samples, sampleFormat);
                float[] values = decoded.values();
                sourceSamples += samples;
                for (int i = 0; i < count; i++) {
                    if (Math.abs(values[i]) >= clipLevel) {
                        sourceClipped++;
                    }
                }
                truePeak.accept(values, samples);
                if (interleaved.capacity() < count * 4) {
                    interleaved =
                            ByteBuffer.allocateDirect(count * 8).order(ByteOrder.nativeOrder());
                }
                FloatBuffer floats = interleaved.asFloatBuffer().put(values, 0, count).flip();
                Frame frame = new Frame();
                frame.sampleRate = sampleRate;
                frame.audioChannels = channels;
                frame.samples = new Buffer[] {floats};
                filter.push(frame);
                pass.drain(filter);
            } catch (FrameFilter.Exception e) {
                throw new IOException("measuring the sound failed: " + e.getMessage(), e);
            }
        }

        /**
         * What the sound measured.
         *
         * @throws IOException when nothing was pushed or FFmpeg fails while filtering
         */
        public SoundTrack finish() throws IOException {
            if (filter == null) {
                throw new IOException("no decodable audio samples");
            }
            try {
                filter.push(null);
                pass.drain(filter);
            } catch (FrameFilter.Exception e) {
                throw new IOException("measuring the sound failed: " + e.getMessage(), e);
            }
            // Clipping is counted on the decoded samples: as a share of them, over 48 kHz stereo.
            long samples = pass.samplesOut;
            pass.clipped =
                    sourceSamples == 0
                            ? 0
                            : Math.round(
                                    sourceClipped
                                            * (2.0 * samples)
                                            / (channels * (double) sourceSamples));
            return pass.result(samples, truePeak.dbtp());
        }

        @Override
        public void close() {
            if (filter != null) {
                try {
                    filter.close();
                } catch (FrameFilter.Exception e) {
                    // Releasing native filter memory; nothing useful to do when that fails.
                }
            }
        }
    }

    /** What the filter chain's output told so far. */
    private static final class Pass {
        private final LoudnessMeter meter = new LoudnessMeter();
        private final List<double[]> silences = new ArrayList<>();
        private double silenceStart = Double.NaN;
        private long clipped;
        private float[] envelope = new float[1024];
        private int hops;
        private final int hopSamples = (int) Math.round(RATE * HOP_SECONDS);
        private double sumOfSquares;
        private float[] scratch = new float[SCRATCH];
        private int inHop;
        private long samplesOut;

        void drain(FFmpegFrameFilter filter) throws FrameFilter.Exception {
            Frame out;
            while ((out = filter.pullSamples()) != null) {
                if (out.opaque instanceof AVFrame) {
                    metadata((AVFrame) out.opaque);
                }
                envelope(out);
            }
        }

        private void metadata(AVFrame frame) {
            AVDictionary metadata = frame.metadata();
            if (metadata == null || metadata.isNull()) {
                return;
            }
            AVDictionaryEntry entry = null;
            while ((entry = av_dict_get(metadata, "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
                String key = entry.key().getString();
                String value = entry.value().getString();
                if (key.equals(SILENCE_START)) {
                    silenceStart = Math.max(0, LoudnessMeter.parse(value));
                } else if (key.equals(SILENCE_END)) {
                    double end = LoudnessMeter.parse(value);
                    if (!Double.isNaN(silenceStart) && end > silenceStart) {
                        silences.add(new double[] {silenceStart, end});
                    }
                    silenceStart = Double.NaN;
                } else {
                    meter.accept(key, value);
                }
            }
        }

        /** Adds the mean square of every hop the frame completes to the envelope. */
        private void envelope(Frame out) {
            int channels = Math.max(1, out.audioChannels);
            FloatBuffer samples = (FloatBuffer) out.samples[0];
            int n = samples.remaining();
            if (scratch.length < n) {
                scratch = new float[n];
            }
            samples.duplicate().get(scratch, 0, n);
            samplesOut += n / channels;
            for (int i = 0; i + channels <= n; i += channels) {
                double x = scratch[i];
                sumOfSquares += x * x;
                if (++inHop == hopSamples) {
                    if (hops == envelope.length) {
                        envelope = Arrays.copyOf(envelope, hops * 2);
                    }
                    envelope[hops++] = (float) Math.sqrt(sumOfSquares / hopSamples);
                    sumOfSquares = 0;
                    inHop = 0;
                }
            }
        }

        SoundTrack result(long samples, double truePeakDbtp) {
            double duration = samples / (double) RATE;
            if (!Double.isNaN(silenceStart) && duration > silenceStart) {
                // silencedetect reports a silence still going at the end only in its log.
                silences.add(new double[] {silenceStart, duration});
            }
            return new SoundTrack(
                    RATE,
                    samples,
                    meter.result().withTruePeak(truePeakDbtp),
                    clipped,
                    List.copyOf(silences),
                    Arrays.copyOf(envelope, hops));
        }
    }
}
