package io.reelflow.operators.quality.internal;

import java.awt.Rectangle;
import java.nio.ByteBuffer;
import org.bytedeco.javacv.Frame;

/**
 * The contrast of burned-in text against what is behind it, measured on decoded frames: the WCAG
 * 2.2 contrast ratio {@code (L1 + 0.05) / (L2 + 0.05)} of the text's relative luminance (the 95th
 * percentile over the text's extent: the strokes) and the box's (the median: text covers far less
 * than half of its extent). The frame comes from the scorer's single decode: the cheapest frame of
 * the cue (any shows the same text and box).
 */
public final class TextContrast {

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

    /** The WCAG contrast of the bright strokes against the median of a BGR frame's area. */
    public static double ratio(Frame frame, Rectangle area) {
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
