package io.reelflow.connectors.catalog;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.ImageTooLargeException;
import io.reelflow.schemas.AssetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Finds out what a media file is by opening it with FFmpeg (JavaCV), never by its name: a single
 * still picture is a {@link AssetKind#PHOTO}, audio without pictures is {@link AssetKind#MUSIC}
 * (cover art does not count), anything with moving pictures is a {@link AssetKind#CLIP}. The first
 * picture or audio frame is decoded, so a file that opens but cannot be played is rejected too.
 * Pictures are held to {@link ImageLimits} before that frame is decoded: the file size of a still
 * and the dimensions its header declares (read by ImageIO, or by FFmpeg from the stream), so a
 * decompression bomb is refused with the reason instead of taking the importer's memory. Blocking
 * and CPU-bound: call it from a bounded executor. Stateless and thread-safe.
 */
public final class MediaProber {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** Demuxers that read a single picture. */
    private static final Set<String> IMAGE_FORMATS = Set.of("image2", "gif", "apng");

    /** Codecs of still pictures, for containers that may also hold one (e.g. a one-frame MJPEG). */
    private static final Set<String> STILL_CODECS =
            Set.of("mjpeg", "png", "webp", "bmp", "tiff", "gif", "jpeg2000", "jpegxl", "avif");

    private final ImageLimits limits;

    /** A prober with the {@link ImageLimits#defaults() default} picture limits. */
    public MediaProber() {
        this(ImageLimits.defaults());
    }

    public MediaProber(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Describes {@code file}, or rejects it with the reason. */
    public MediaInfo probe(Path file) throws RejectedMediaException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new RejectedMediaException("cannot read the file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new RejectedMediaException("empty file (0 bytes)");
        }
        checkDeclaredPicture(file, size);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            // The decoder refuses bigger frames too, whatever the header said.
            grabber.setVideoOption(
                    "max_pixels", Long.toString(Math.min(limits.maxPixels(), Integer.MAX_VALUE)));
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new RejectedMediaException(
                        "not a media file FFmpeg can read (" + firstLine(e.getMessage()) + ")", e);
            }
            Streams streams = Streams.of(grabber.getFormatContext());
            if (streams.pictures() == 0 && streams.audio() == 0) {
                throw new RejectedMediaException(
                        "no picture or audio stream (format " + grabber.getFormat() + ")");
            }
            return streams.pictures() == 0 ? music(grabber) : picture(grabber, streams, size);
        } catch (FrameGrabber.Exception e) {
            throw new RejectedMediaException("cannot decode: " + firstLine(e.getMessage()), e);
        }
    }

    private static MediaInfo music(FFmpegFrameGrabber grabber)
            throws FrameGrabber.Exception, RejectedMediaException {
        double duration = durationSeconds(grabber);
        if (duration <= 0) {
            throw new RejectedMediaException("audio of unknown duration");
        }
        if (grabber.grabSamples() == null) {
            throw new RejectedMediaException("no audio could be decoded");
        }
        return new MediaInfo(
                AssetKind.MUSIC, duration, 0, 0, codecName(grabber.getAudioCodec()), 0);
    }

    /**
     * Refuses a picture whose file or declared dimensions are over the limits, from its header
     * alone; formats ImageIO does not know are checked after FFmpeg opened the stream.
     */
    private void checkDeclaredPicture(Path file, long size) throws RejectedMediaException {
        Optional<ImageLimits.Dimensions> declared;
        try {
            declared = ImageLimits.readHeader(file);
        } catch (IOException e) {
            // A picture ImageIO cannot read the header of: FFmpeg's view of it decides.
            declared = Optional.empty();
        }
        try {
            if (declared.isPresent()) {
                limits.checkBytes(size);
                limits.checkPixels(declared.get().width(), declared.get().height());
            } else {
                limits.checkStreamHeader(file);
            }
        } catch (ImageTooLargeException e) {
            throw new RejectedMediaException("refused: " + e.getMessage(), e);
        }
    }

    private MediaInfo picture(FFmpegFrameGrabber grabber, Streams streams, long size)
            throws FrameGrabber.Exception, RejectedMediaException {
        int codedWidth = grabber.getImageWidth();
        int codedHeight = grabber.getImageHeight();
        if (codedWidth <= 0 || codedHeight <= 0) {
            throw new RejectedMediaException("picture of unknown size");
        }
        try {
            limits.checkPixels(codedWidth, codedHeight);
        } catch (ImageTooLargeException e) {
            throw new RejectedMediaException("refused: " + e.getMessage(), e);
        }
        String codec = codecName(grabber.getVideoCodec());
        int rotation = rotation(grabber);
        boolean quarterTurn = rotation == 90 || rotation == 270;
        int width = quarterTurn ? codedHeight : codedWidth;
        int height = quarterTurn ? codedWidth : codedHeight;
        boolean still =
                streams.audio() == 0
                        && streams.pictures() == 1
                        && (isImageFormat(grabber.getFormat())
                                || (STILL_CODECS.contains(codec)
                                        && grabber.getLengthInVideoFrames() <= 1));
        if (still) {
            try {
                limits.checkBytes(size);
            } catch (ImageTooLargeException e) {
                throw new RejectedMediaException("refused: " + e.getMessage(), e);
            }
        }
        double duration = still ? 0 : durationSeconds(grabber);
        if (!still && duration <= 0) {
            throw new RejectedMediaException("video of unknown duration");
        }
        if (grabber.grabImage() == null) {
            throw new RejectedMediaException("no picture could be decoded");
        }
        return new MediaInfo(
                still ? AssetKind.PHOTO : AssetKind.CLIP, duration, width, height, codec, rotation);
    }

    /**
     * Clockwise degrees the picture is turned for display: from the display matrix, else from the
     * older {@code rotate} tag; rounded to a quarter turn.
     */
    static int rotation(FFmpegFrameGrabber grabber) {
        double counterClockwise = grabber.getDisplayRotation();
        if (counterClockwise != 0 && !Double.isNaN(counterClockwise)) {
            return quarterTurns(-counterClockwise);
        }
        String tag = grabber.getVideoMetadata("rotate");
        if (tag != null) {
            try {
                return quarterTurns(Double.parseDouble(tag.strip()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    static int quarterTurns(double degrees) {
        long turned = Math.round(degrees / 90.0) * 90;
        return (int) (((turned % 360) + 360) % 360);
    }

    private static boolean isImageFormat(String format) {
        return format != null && (IMAGE_FORMATS.contains(format) || format.endsWith("_pipe"));
    }

    private static double durationSeconds(FFmpegFrameGrabber grabber) {
        long micros = grabber.getLengthInTime();
        return micros > 0 ? (double) micros / MICROS_PER_SECOND : 0;
    }

    private static String codecName(int codecId) {
        return avcodec_get_name(codecId).getString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** How many picture streams (not cover art) and audio streams a container has. */
    private record Streams(int pictures, int audio) {
        static Streams of(AVFormatContext context) {
            int pictures = 0;
            int audio = 0;
            for (int i = 0; i < context.nb_streams(); i++) {
                AVStream stream = context.streams(i);
                int type = stream.codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO
                        && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                    pictures++;
                } else if (type == AVMEDIA_TYPE_AUDIO) {
                    audio++;
                }
            }
            return new Streams(pictures, audio);
        }
    }
}
