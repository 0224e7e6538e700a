package io.reelflow.operators.render.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * One output frame in the encoder's own format, YUV 4:2:0 planar (BT.601, limited range): a Y plane
 * of {@code width x height} bytes followed by U and V planes of a quarter of that each, in one
 * array. Sources write the planes directly, so no colour conversion runs per frame and the encoder
 * takes the bytes as they are.
 */
public final class Canvas {

    /** Luma and chroma of black in limited range. */
    public static final int BLACK_Y = 16;

    public static final int NEUTRAL_CHROMA = 128;

    private final int width;
    private final int height;
    private final byte[] data;

    public Canvas(int width, int height) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException(
                    "a 4:2:0 canvas needs a positive even size, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.data = new byte[width * height * 3 / 2];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int chromaWidth() {
        return width / 2;
    }

    public int chromaHeight() {
        return height / 2;
    }

    /** Y plane, then U, then V. */
    public byte[] data() {
        return data;
    }

    public int uOffset() {
        return width * height;
    }

    public int vOffset() {
        return width * height + chromaWidth() * chromaHeight();
    }

    /** Paints the whole frame black. */
    public void fillBlack() {
        Arrays.fill(data, 0, uOffset(), (byte) BLACK_Y);
        Arrays.fill(data, uOffset(), data.length, (byte) NEUTRAL_CHROMA);
    }

    /** Copies another canvas of the same size. */
    public void copyFrom(Canvas other) {
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /** Converts a picture of this canvas's size into it. */
    public void setImage(BufferedImage image) {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException(
                    "image is "
                            + image.getWidth()
                            + "x"
                            + image.getHeight()
                            + ", canvas "
                            + width
                            + "x"
                            + height);
        }
        byte[] bgr = bgrBytes(image);
        int stride = width * 3;
        int chromaWidth = chromaWidth();
        int u = uOffset();
        int v = vOffset();
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int out = y * width;
            for (int x = 0; x < width; x++) {
                int p = row + x * 3;
                int b = bgr[p] & 0xff;
                int g = bgr[p + 1] & 0xff;
                int r = bgr[p + 2] & 0xff;
                data[out + x] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
            }
        }
        for (int cy = 0; cy < chromaHeight(); cy++) {
            int row0 = 2 * cy * stride;
            int row1 = row0 + stride;
            for (int cx = 0; cx < chromaWidth; cx++) {
                int p = row0 + cx * 6;
                int q = row1 + cx * 6;
                int b =
                        (bgr[p] & 0xff)
                                + (bgr[p + 3] & 0xff)
                                + (bgr[q] & 0xff)
                                + (bgr[q + 3] & 0xff);
                int g =
                        (bgr[p + 1] & 0xff)
                                + (bgr[p + 4] & 0xff)
                                + (bgr[q + 1] & 0xff)
                                + (bgr[q + 4] & 0xff);
                int r =
                        (bgr[p + 2] & 0xff)
                                + (bgr[p + 5] & 0xff)
                                + (bgr[q + 2] & 0xff)
                                + (bgr[q + 5] & 0xff);
                int at = cy * chromaWidth + cx;
                // Sums of four pixels: the shift is two bits wider than for one pixel.
                data[u + at] = (byte) (((-38 * r - 74 * g + 112 * b + 512) >> 10) + 128);
                data[v + at] = (byte) (((112 * r - 94 * g - 18 * b + 512) >> 10) + 128);
            }
        }
    }

    /** A picture of the frame, e.g. for a thumbnail. */
    public BufferedImage toImage() {
        return scaledImage(width, height);
    }

    /** A picture of the frame scaled to {@code targetWidth x targetHeight} (nearest sample). */
    public BufferedImage scaledImage(int targetWidth, int targetHeight) {
        BufferedImage image =
                new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int chromaWidth = chromaWidth();
        int u = uOffset();
        int v = vOffset();
        for (int ty = 0; ty < targetHeight; ty++) {
            int y = (int) ((ty + 0.5) * height / targetHeight);
            for (int tx = 0; tx < targetWidth; tx++) {
                int x = (int) ((tx + 0.5) * width / targetWidth);
                int c = 298 * ((data[y * width + x] & 0xff) - 16);
                int at = (y / 2) * chromaWidth + x / 2;
                int d = (data[u + at] & 0xff) - 128;
                int e = (data[v + at] & 0xff) - 128;
                int p = (ty * targetWidth + tx) * 3;
                bgr[p] = clamp((c + 516 * d + 128) >> 8);
                bgr[p + 1] = clamp((c - 100 * d - 208 * e + 128) >> 8);
                bgr[p + 2] = clamp((c + 409 * e + 128) >> 8);
            }
        }
        return image;
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(255, value));
    }

    /** The BGR bytes of a {@code TYPE_3BYTE_BGR} image, converting other types. */
    static byte[] bgrBytes(BufferedImage image) {
        BufferedImage bgr = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr =
                    new BufferedImage(
                            image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = bgr.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        return ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    }
}
