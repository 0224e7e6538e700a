package io.reelflow.operators.quality.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Single frames of a local video file, as small JPEGs for a model server. */
public final class SceneFrames {

    /** Image-text models look at 224–336 pixels; a bigger frame only costs bandwidth. */
    private static final int MAX_SIDE = 384;

    private SceneFrames() {}

    /**
     * The first frame at or after {@code seconds} as JPEG, at most {@value #MAX_SIDE} pixels on its
     * longer side.
     *
     * @throws IOException when the file has no decodable frame there
     */
    public static byte[] jpegAt(Path videoFile, double seconds) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(videoFile.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new IOException("no video stream");
            }
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(1, Math.max(width, height)));
            grabber.setImageWidth(Math.max(1, (int) Math.round(width * scale)));
            grabber.setImageHeight(Math.max(1, (int) Math.round(height * scale)));
            grabber.setTimestamp(Math.max(0, Math.round(seconds * 1_000_000)), true);
            Frame frame = grabber.grabImage();
            BufferedImage image = frame == null ? null : converter.convert(frame);
            if (image == null) {
                throw new IOException("no frame at " + seconds + " s");
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            if (!javax.imageio.ImageIO.write(image, "jpg", jpeg)) {
                throw new IOException("no JPEG writer available");
            }
            return jpeg.toByteArray();
        }
    }
}
