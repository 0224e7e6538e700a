package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A still photo, decoded once per scene, covering the frame with a slow zoom-in so the scene does
 * not look frozen. The photo is scaled once to the largest size the zoom needs.
 */
public final class PhotoSource implements SceneSource {

    /** The zoom at the end of the scene relative to its start: a gentle 6 %. */
    static final double END_ZOOM = 1.06;

    private final byte[] picture;
    private final int pictureWidth;
    private final int pictureHeight;

    private PhotoSource(BufferedImage picture) {
        this.picture = Canvas.bgrBytes(picture);
        this.pictureWidth = picture.getWidth();
        this.pictureHeight = picture.getHeight();
    }

    /**
     * Decodes {@code file} (any format ImageIO reads, else via FFmpeg) for a frame of this size.
     */
    public static PhotoSource open(Path file, int width, int height) throws IOException {
        int zoomedWidth = (int) Math.ceil(width * END_ZOOM);
        int zoomedHeight = (int) Math.ceil(height * END_ZOOM);
        BufferedImage decoded = readWithImageIo(file, zoomedWidth, zoomedHeight);
        if (decoded == null) {
            decoded = readWithFfmpeg(file);
        }
        CoverCrop cover =
                CoverCrop.of(decoded.getWidth(), decoded.getHeight(), zoomedWidth, zoomedHeight);
        BufferedImage scaled =
                new BufferedImage(
                        cover.scaledWidth(), cover.scaledHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(
                    decoded, 0, 0, cover.scaledWidth(), cover.scaledHeight(), Color.BLACK, null);
        } finally {
            g.dispose();
        }
        return new PhotoSource(scaled);
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount) {
        double progress = frameCount > 1 ? (double) frame / (frameCount - 1) : 0;
        double zoom = 1 + (END_ZOOM - 1) * progress;
        CentredZoom.draw(
                picture,
                pictureWidth,
                pictureHeight,
                canvas.pixels(),
                canvas.width(),
                canvas.height(),
                zoom / END_ZOOM);
    }

    @Override
    public void close() {}

    /**
     * Reads the image, subsampled while decoding when it is much larger than needed (a 6000 px
     * photo for a 720p video), so memory stays near the output size. Returns null when ImageIO has
     * no reader for the format.
     */
    private static BufferedImage readWithImageIo(Path file, int minWidth, int minHeight)
            throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("cannot open image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int sourceWidth = reader.getWidth(0);
                int sourceHeight = reader.getHeight(0);
                int step = Math.max(1, Math.min(sourceWidth / minWidth, sourceHeight / minHeight));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IOException("image has no pixels");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            // ImageIO plugins signal broken data with unchecked exceptions too.
            throw new IOException("cannot decode image: " + e, e);
        }
    }

    private static BufferedImage readWithFfmpeg(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new IOException("no decodable image");
            }
            return Java2DFrameConverter.cloneBufferedImage(converter.convert(frame));
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode image: " + e.getMessage(), e);
        }
    }
}
