package io.reelflow.sidecar;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * What a test can learn about an MP4 by decoding it: codec, size, frames and their pixels.
 *
 * @param codec the video codec name FFmpeg reports
 * @param format the container format FFmpeg reports
 * @param frames decoded frames as BGR bytes, in order
 */
record ClipProbe(
        String codec, String format, int width, int height, double frameRate, List<byte[]> frames) {

    static ClipProbe of(Path clip) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            List<byte[]> frames = new ArrayList<>();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames.add(pixels(converter.convert(frame)));
            }
            ClipProbe probe =
                    new ClipProbe(
                            grabber.getVideoCodecName(),
                            grabber.getFormat(),
                            grabber.getImageWidth(),
                            grabber.getImageHeight(),
                            grabber.getFrameRate(),
                            frames);
            grabber.stop();
            return probe;
        }
    }

    /** Mean absolute difference per byte between two frames, 0-255. */
    static double difference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length;
    }

    /** The image as BGR bytes, the layout of {@link #frames()}. */
    static byte[] pixels(BufferedImage image) {
        BufferedImage copy =
                new BufferedImage(
                        image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return ((DataBufferByte) copy.getRaster().getDataBuffer()).getData().clone();
    }
}
