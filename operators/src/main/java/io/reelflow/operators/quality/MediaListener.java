package io.reelflow.operators.quality;

import io.reelflow.operators.common.CancelledException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.List;
import org.bytedeco.javacv.Frame;

/**
 * One analyzer's share of the scorer's single decode of a video: it says what it needs once the
 * streams are known ({@link #wants}), receives it while the file is read once (small grey frames,
 * full frames at chosen times, the whole sound) and judges afterwards ({@link #findings}). So
 * picture, sound, subtitle and relevance checks cost one demux and one decode of each stream,
 * however many analyzers there are. One listener serves one video on one thread.
 */
public interface MediaListener {

    /**
     * What the file holds, read from its header.
     *
     * @param video whether it has a video stream; the picture properties are 0 or null if not
     * @param codec the video codec's name
     * @param videoSeconds the video stream's own duration, else the container's; 0 when neither
     *     says
     * @param audio whether it has an audio stream
     * @param keyframeSeconds where decoding the picture can start, ascending: the keyframes of the
     *     container's index at their decode times (a keyframe is shown at that time or up to the
     *     reorder delay later); empty when the file has no index
     */
    record Media(
            boolean video,
            String codec,
            int width,
            int height,
            double frameRate,
            double videoSeconds,
            boolean audio,
            List<Double> keyframeSeconds) {

        public Media {
            keyframeSeconds = List.copyOf(keyframeSeconds);
        }
    }

    /**
     * A frame wanted at full colour: one frame shown in {@code [fromSeconds, toSeconds)}, converted
     * to BGR at {@code width x height}. Any frame of that interval will do, so the pass takes the
     * cheapest: one it decodes anyway for a grey window, else a keyframe inside the interval, else
     * the first frame from {@code fromSeconds} on (decoded from the keyframe before it).
     */
    record Still(double fromSeconds, double toSeconds, int width, int height) {}

    /**
     * What to decode for this listener.
     *
     * @param greyWindows {@code [start, end]} pairs in playing order, apart from each other: every
     *     decoded frame from the first at or after {@code start} to the first at or after {@code
     *     end} is handed to {@link #grey} as 8-bit grey at {@code greyWidth x greyHeight}
     * @param stills frames wanted in colour, handed to {@link #still} by their index
     * @param audio whether the whole sound is wanted ({@link #audio})
     */
    record Wants(
            List<double[]> greyWindows,
            int greyWidth,
            int greyHeight,
            List<Still> stills,
            boolean audio) {

        public static final Wants NOTHING = new Wants(List.of(), 0, 0, List.of(), false);
    }

    /**
     * How the pass went.
     *
     * @param media what the file holds; null when it could not be opened
     * @param failure why the file could not be read (opened or demuxed), or null
     * @param lastFrameSeconds where the last decoded video frame is shown (0 for none)
     * @param audioError why the sound ended early (a decode error), or null
     */
    record Outcome(Media media, String failure, double lastFrameSeconds, String audioError) {}

    /** Called once the streams are known; {@link Wants#NOTHING} when nothing is needed. */
    Wants wants(Media media);

    /** A grey frame of a window; {@code pixels} is valid during the call only. */
    default void grey(ByteBuffer pixels, int rowStride, double seconds) {}

    /** The next grey frame starts a new window: it does not follow the last one. */
    default void greyWindowStarts() {}

    /** The still of index {@code index} of {@link Wants#stills}; valid during the call only. */
    default void still(int index, Frame bgr, double seconds) {}

    /**
     * Decoded sound as the decoder gives it (e.g. planar float), in order; the buffers are valid
     * during the call only.
     *
     * @param sampleFormat FFmpeg's {@code AVSampleFormat}
     * @param samples sample frames per channel
     */
    default void audio(
            int channels, int sampleRate, int sampleFormat, int samples, Buffer[] planes) {}

    /** The verdict, after the pass. */
    List<Finding> findings(Outcome outcome) throws CancelledException;
}
