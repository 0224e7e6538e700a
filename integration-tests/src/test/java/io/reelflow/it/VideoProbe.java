package io.reelflow.it;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** What a decoder reports about a video file, read with FFmpeg as ffprobe would. */
record VideoProbe(String codec, int width, int height, double durationSeconds) {

    static VideoProbe of(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            VideoProbe probe =
                    new VideoProbe(
                            grabber.getVideoCodecName(),
                            grabber.getImageWidth(),
                            grabber.getImageHeight(),
                            grabber.getLengthInTime() / 1_000_000.0);
            grabber.stop();
            return probe;
        }
    }
}
