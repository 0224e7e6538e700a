package io.reelflow.operators.quality.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Single frames of a local video file, as small JPEGs for a model server. */
public final class SceneFrames {

    /** Image-text models look at 224–336 pixels; a bigger frame only costs bandwidth. */
    public static final int MAX_SIDE = 384;

    private SceneFrames() {}

    /** {@code bgr} as JPEG (the scorer's decode already made it at most {@link #MAX_SIDE}). */
    public static byte[] jpeg(Frame bgr) throws IOException {
        BufferedImage image;
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            image = converter.convert(bgr);
        }
        if (image == null) {
            throw new IOException("the frame cannot be converted");
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        if (!javax.imageio.ImageIO.write(image, "jpg", jpeg)) {
            throw new IOException("no JPEG writer available");
        }
        return jpeg.toByteArray();
    }
}
