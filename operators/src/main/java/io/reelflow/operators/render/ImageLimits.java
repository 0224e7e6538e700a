package io.reelflow.operators.render;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;

/**
 * How large a still picture from outside (a stock photo, an image a model server returned, a file
 * being imported) may be before it is decoded. A few kilobytes of PNG or JPEG can claim 100,000 ×
 * 100,000 pixels, and decoding that takes 30 GB; so the file size and the dimensions the header
 * declares are checked first, and a refused picture never reaches a decoder.
 *
 * <pre>{@code
 * ImageLimits limits = ImageLimits.defaults().withMaxPixels(100_000_000);
 * limits.check(file); // throws ImageTooLargeException with the reason
 * }</pre>
 *
 * @param maxBytes largest file, in bytes (default 64 MiB)
 * @param maxPixels most pixels, width × height as the header declares them (default 64 million)
 */
public record ImageLimits(long maxBytes, long maxPixels) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * 64 MiB: a 64-megapixel JPEG at high quality is about 20-30 MB and stock sites deliver less;
     * generated images are a few MB.
     */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /**
     * 64 million pixels: above the largest common camera sensors (61 MP full frame, 50 MP phones),
     * far above what a 4K frame with the strongest Ken Burns zoom needs (about 15 MP), and its
     * decoded size (192 MB as 24-bit RGB, before subsampling) is one a render can afford.
     */
    public static final long DEFAULT_MAX_PIXELS = 64_000_000L;

    public ImageLimits {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException(
                    "maxBytes and maxPixels must be positive, were " + maxBytes + ", " + maxPixels);
        }
    }

    /** 64 MiB and 64 million pixels. */
    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }

    public ImageLimits withMaxBytes(long bytes) {
        return new ImageLimits(bytes, maxPixels);
    }

    public ImageLimits withMaxPixels(long pixels) {
        return new ImageLimits(maxBytes, pixels);
    }

    /** Width and height as a picture's header declares them. */
    public record Dimensions(int width, int height) {
        public long pixels() {
            return (long) width * height;
        }
    }

    /**
     * Checks the file's size, then, when ImageIO knows the format (PNG, JPEG, GIF, BMP, TIFF), the
     * dimensions in its header, without decoding a pixel.
     *
     * @return the declared dimensions; empty when ImageIO does not know the format (then check the
     *     dimensions FFmpeg reports with {@link #checkPixels} before decoding a frame)
     * @throws ImageTooLargeException when the file or its declared picture is over a limit
     * @throws IOException when the file cannot be read
     */
    public Optional<Dimensions> check(Path file) throws IOException {
        checkBytes(Files.size(file));
        Optional<Dimensions> declared = readHeader(file);
        if (declared.isPresent()) {
            checkPixels(declared.get().width(), declared.get().height());
        }
        return declared;
    }

    /** Refuses a file over {@link #maxBytes()}. */
    public void checkBytes(long bytes) throws ImageTooLargeException {
        if (bytes > maxBytes) {
            throw new ImageTooLargeException(
                    "image file is "
                            + bytes(bytes)
                            + ", more than the "
                            + bytes(maxBytes)
                            + " allowed");
        }
    }

    /**
     * Refuses a picture of more than {@link #maxPixels()}. An unknown (zero or negative) size is
     * not refused here: it is not too large, just undecodable, which the caller reports.
     */
    public void checkPixels(int width, int height) throws ImageTooLargeException {
        long pixels = (long) width * height;
        if (width > 0 && height > 0 && pixels > maxPixels) {
            throw new ImageTooLargeException(
                    "image is "
                            + width
                            + "x"
                            + height
                            + " ("
                            + pixels(pixels)
                            + "), more than the "
                            + pixels(maxPixels)
                            + " allowed");
        }
    }

    /**
     * The dimensions the header declares, read by the ImageIO reader of the format; empty when
     * ImageIO has none. Reading stops at the header: no pixel data is decoded.
     */
    public static Optional<Dimensions> readHeader(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("cannot open image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            // ImageIO plugins signal broken headers with unchecked exceptions too.
            throw new IOException("cannot read the image header: " + e, e);
        }
    }

    /**
     * The dimensions of the first video stream as the container's header declares them, read by
     * FFmpeg's demuxer without decoding (no stream analysis, no codec opened); empty when the
     * header does not say (raw image pipes) or FFmpeg cannot open the file.
     */
    public static Optional<Dimensions> readStreamHeader(Path file) {
        AVFormatContext context = new AVFormatContext(null);
        if (avformat_open_input(context, file.toString(), null, null) < 0) {
            return Optional.empty();
        }
        try {
            for (int i = 0; i < context.nb_streams(); i++) {
                AVCodecParameters stream = context.streams(i).codecpar();
                if (stream.codec_type() == AVMEDIA_TYPE_VIDEO
                        && stream.width() > 0
                        && stream.height() > 0) {
                    return Optional.of(new Dimensions(stream.width(), stream.height()));
                }
            }
            return Optional.empty();
        } finally {
            avformat_close_input(context);
        }
    }

    /**
     * Refuses a file whose container header declares video frames of more than {@link
     * #maxPixels()}, before FFmpeg decodes (or allocates) a frame.
     */
    public void checkStreamHeader(Path file) throws ImageTooLargeException {
        Optional<Dimensions> declared = readStreamHeader(file);
        if (declared.isPresent()) {
            checkPixels(declared.get().width(), declared.get().height());
        }
    }

    /** "12.5 MB", or the exact count below 0.1 MB (small limits in tests and tight setups). */
    private static String bytes(long bytes) {
        return bytes < 104_858
                ? bytes + " bytes"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** "64.0 MP", or the exact count below 0.1 MP. */
    private static String pixels(long pixels) {
        return pixels < 100_000
                ? pixels + " pixels"
                : String.format(Locale.ROOT, "%.1f MP", pixels / 1_000_000.0);
    }
}
