package io.reelflow.operators.quality.internal;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * The contrast of burned-in text against what is behind it, measured on decoded frames: the WCAG
 * 2.2 contrast ratio {@code (L1 + 0.05) / (L2 + 0.05)} of the text's relative luminance (the 95th
 * percentile over the text's extent: the strokes) and the box's (the median: text covers far less
 * than half of its extent). Each probe costs a seek: the frames from the keyframe before the cue's
 * start to its first frames are decoded (the renderer writes a keyframe every 2 s).
 */
public final class TextContrast {

    /** A cue's extent on the frame and the time it is shown, {@code [from, to)} in seconds. */
    public record Probe(double fromSeconds, double toSeconds, Rectangle text) {}

    /** Frames decoded at most to reach one probe (a keyframe interval of 10 s at 30 fps). */
    private static final int MAX_FRAMES_PER_PROBE = 300;

    private static final int BINS = 1024;

    /** sRGB to linear light, per 8-bit value (WCAG 2.2 "relative luminance"). */
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private TextContrast() {}

    /**
     * The contrast ratio at each probe, in order (1 to 21); NaN for a probe whose frames the video
     * does not have.
     *
     * @throws IOException when the video cannot be opened or decoded
     * @throws CancelledException when cancelled between frames
     */
    public static List<Double> measure(Path video, List<Probe> probes, Cancellation cancellation)
            throws IOException, CancelledException {
        List<Double> ratios = new ArrayList<>(probes.size());
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
            // One frame at a time: a threaded decoder decodes frames ahead that a seek throws away.
            grabber.setVideoOption("threads", "1");
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new IOException("no video stream");
            }
            for (Probe probe : probes) {
                ratios.add(measure(grabber, probe, cancellation));
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException("cannot decode frames: " + e.getMessage(), e);
        }
        return ratios;
    }

    private static double measure(
            FFmpegFrameGrabber grabber, Probe probe, Cancellation cancellation)
            throws FrameGrabber.Exception, CancelledException {
        double from = probe.fromSeconds();
        double to = probe.toSeconds();
        // JavaCV decodes from the keyframe before the time to the first frame at or after it: the
        // cue's second frame or so costs the fewest frames; further back only if that fails.
        double[] targets = {Math.min(from + 0.05, (from + to) / 2), from - 2, 0};
        for (double target : targets) {
            grabber.setTimestamp(Math.round(Math.max(0, target) * 1_000_000), false);
            int decoded = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null && decoded++ < MAX_FRAMES_PER_PROBE) {
                cancellation.throwIfCancelled();
                double at = frame.timestamp / 1_000_000.0;
                if (at >= to) {
                    break;
                }
                if (at >= from - 1e-4) {
                    return ratio(frame, probe.text());
                }
            }
            if (frame == null && target <= 0) {
                break;
            }
        }
        return Double.NaN;
    }

    /** The WCAG contrast of the bright strokes against the median of a BGR frame's area. */
    static double ratio(Frame frame, Rectangle area) {
        Rectangle inside = area.intersection(new Rectangle(frame.imageWidth, frame.imageHeight));
        if (inside.isEmpty()) {
            return Double.NaN;
        }
        ByteBuffer pixels = (ByteBuffer) frame.image[0];
        int channels = frame.imageChannels;
        int[] histogram = new int[BINS];
        for (int y = inside.y; y < inside.y + inside.height; y++) {
            int row = y * frame.imageStride;
            for (int x = inside.x; x < inside.x + inside.width; x++) {
                int i = row + x * channels;
                double luminance =
                        0.0722 * LINEAR[pixels.get(i) & 0xff]
                                + 0.7152 * LINEAR[pixels.get(i + 1) & 0xff]
                                + 0.2126 * LINEAR[pixels.get(i + 2) & 0xff];
                histogram[Math.min(BINS - 1, (int) (luminance * BINS))]++;
            }
        }
        long count = (long) inside.width * inside.height;
        double text = percentile(histogram, count, 0.95);
        double box = percentile(histogram, count, 0.5);
        return (Math.max(text, box) + 0.05) / (Math.min(text, box) + 0.05);
    }

    /** The luminance (bin centre) below which {@code share} of the pixels lie. */
    private static double percentile(int[] histogram, long count, double share) {
        long wanted = (long) Math.ceil(share * count);
        long seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += histogram[bin];
            if (seen >= wanted) {
                return (bin + 0.5) / BINS;
            }
        }
        return 1;
    }
}
