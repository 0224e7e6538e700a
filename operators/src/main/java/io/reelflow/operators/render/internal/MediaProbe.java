package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads back what was actually written: codecs, size and duration from the container headers. */
public final class MediaProbe {

    /** The streams of a media file; {@code audioCodec} is null without an audio stream. */
    public record VideoInfo(
            String codec, int width, int height, double durationSeconds, String audioCodec) {}

    private MediaProbe() {}

    /** Opens {@code file} and reports its streams, without decoding the whole file. */
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
                    grabber.getLengthInTime() / 1_000_000.0,
                    grabber.hasAudio()
                            ? avcodec_get_name(grabber.getAudioCodec()).getString()
                            : null);
        } catch (FrameGrabber.Exception e) {
            throw new IOException(
                    "cannot read back " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
