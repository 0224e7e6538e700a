package io.reelflow.connectors.catalog.internal;

import io.reelflow.connectors.catalog.MediaInfo;
import io.reelflow.schemas.AssetKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * JPEG thumbnails of catalogued media: the photo itself or a clip's middle frame, turned upright
 * and scaled to fit a square box. Music has none.
 */
public final class Thumbnails {
    /** Longest side of a thumbnail, in pixels. */
    public static final int MAX_SIDE = 480;

    private Thumbnails() {}

    /** Writes the thumbnail of {@code media} (described by {@code info}) to {@code jpeg}. */
    public static void write(Path media, MediaInfo info, Path jpeg) throws IOException {
        if (info.kind() == AssetKind.MUSIC) {
            throw new IllegalArgumentException("music has no thumbnail");
        }
        BufferedImage thumbnail;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame = null;
            if (info.kind() == AssetKind.CLIP) {
                grabber.setTimestamp((long) (info.durationSeconds() * 1_000_000 / 2));
                frame = grabber.grabImage();
                if (frame == null) {
                    // Some containers cannot seek; the first frame still shows the clip.
                    grabber.restart();
                    frame = grabber.grabImage();
                }
            } else {
                frame = grabber.grabImage();
            }
            if (frame == null) {
                throw new IOException("no picture to make a thumbnail of in " + media);
            }
            thumbnail = upright(converter.convert(frame), info.rotation(), MAX_SIDE);
        } catch (FrameGrabber.Exception e) {
            throw new IOException("cannot decode " + media + " for its thumbnail: " + e, e);
        }
        if (!ImageIO.write(thumbnail, "jpg", jpeg.toFile())) {
            throw new IOException("no JPEG writer in this Java runtime");
        }
    }

    /**
     * {@code picture} turned {@code rotation} degrees clockwise and scaled (never enlarged) so its
     * longest side is at most {@code maxSide}.
     */
    static BufferedImage upright(BufferedImage picture, int rotation, int maxSide) {
        boolean quarterTurn = rotation == 90 || rotation == 270;
        int shownWidth = quarterTurn ? picture.getHeight() : picture.getWidth();
        int shownHeight = quarterTurn ? picture.getWidth() : picture.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(shownWidth, shownHeight));
        int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
        int outWidth = quarterTurn ? height : width;
        int outHeight = quarterTurn ? width : height;
        BufferedImage out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            switch (rotation) {
                case 90 -> {
                    g.translate(outWidth, 0);
                    g.rotate(Math.PI / 2);
                }
                case 180 -> {
                    g.translate(outWidth, outHeight);
                    g.rotate(Math.PI);
                }
                case 270 -> {
                    g.translate(0, outHeight);
                    g.rotate(-Math.PI / 2);
                }
                default -> {}
            }
            // Transparent pixels of a PNG become white, as on a page.
            g.drawImage(picture, 0, 0, width, height, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
