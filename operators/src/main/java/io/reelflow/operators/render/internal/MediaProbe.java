package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads back what was actually written: codec, size and duration from the container headers. */
public final class MediaProbe {

    /** The video stream of a media file. */
    public record VideoInfo(String codec, int width, int height, double durationSeconds) {}

    private MediaProbe() {}

    /** Opens {@code file} and reports its video stream, without decoding the whole file. */
    public static VideoInfo probe(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new IOException(file.getFileName() + " has no video stream");
            }
            return new VideoInfo(
                    avcodec_get_name(grabber.getVideoCodec()).getString(),
                    grabber.getImageWidth(),
                    grabber.getImageHeight(),
                    grabber.getLengthInTime() / 1_000_000.0);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(
                    "cannot read back " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
