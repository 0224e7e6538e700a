package io.reelflow.operators.render.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The output frame being composed: a BGR image whose bytes scene sources write directly (fast
 * copies and scaling) and whose {@link Graphics2D} draws text on top. One per render.
 */
public final class Canvas implements AutoCloseable {

    private final BufferedImage image;
    private final byte[] pixels;
    private Graphics2D graphics;

    public Canvas(int width, int height) {
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        this.pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** Row-major BGR bytes, {@code width * 3} per row, shared with {@link #image()}. */
    public byte[] pixels() {
        return pixels;
    }

    public BufferedImage image() {
        return image;
    }

    /** A Java2D context on the canvas, created once. */
    public Graphics2D graphics() {
        if (graphics == null) {
            graphics = image.createGraphics();
        }
        return graphics;
    }

    /** A copy of the current picture. */
    public BufferedImage snapshot() {
        BufferedImage copy = new BufferedImage(width(), height(), BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(
                pixels,
                0,
                ((DataBufferByte) copy.getRaster().getDataBuffer()).getData(),
                0,
                pixels.length);
        return copy;
    }

    /** The BGR bytes of a {@code TYPE_3BYTE_BGR} image, converting other types. */
    static byte[] bgrBytes(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr =
                    new BufferedImage(
                            image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = bgr.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        return ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    }

    @Override
    public void close() {
        if (graphics != null) {
            graphics.dispose();
            graphics = null;
        }
    }
}
