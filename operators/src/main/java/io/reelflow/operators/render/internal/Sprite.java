package io.reelflow.operators.render.internal;

import java.awt.image.BufferedImage;

/**
 * A small translucent picture (a subtitle box) converted once to the canvas's YUV 4:2:0 planes with
 * its alpha, then blended onto every frame that shows it with integer arithmetic: eight bytes a
 * step with the Vector API when the JVM has it ({@link VectorRows#overlay}), identical output.
 */
final class Sprite {

    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final byte[] luma;
    private final byte[] lumaAlpha;
    private final byte[] u;
    private final byte[] v;
    private final byte[] chromaAlpha;

    /** Converts an ARGB image to be drawn with its top left corner at even {@code (left, top)}. */
    Sprite(BufferedImage argb, int left, int top) {
        this.left = left & ~1;
        this.top = top & ~1;
        this.width = argb.getWidth() & ~1;
        this.height = argb.getHeight() & ~1;
        this.luma = new byte[width * height];
        this.lumaAlpha = new byte[width * height];
        int chromaSize = (width / 2) * (height / 2);
        this.u = new byte[chromaSize];
        this.v = new byte[chromaSize];
        this.chromaAlpha = new byte[chromaSize];
        int[] row = new int[width];
        int[] nextRow = new int[width];
        for (int y = 0; y < height; y += 2) {
            argb.getRGB(0, y, width, 1, row, 0, width);
            argb.getRGB(0, y + 1, width, 1, nextRow, 0, width);
            for (int x = 0; x < width; x += 2) {
                int alphaSum = 0;
                long uSum = 0;
                long vSum = 0;
                for (int k = 0; k < 4; k++) {
                    int pixel = (k < 2 ? row : nextRow)[x + (k & 1)];
                    int a = pixel >>> 24;
                    int r = (pixel >> 16) & 0xff;
                    int g = (pixel >> 8) & 0xff;
                    int b = pixel & 0xff;
                    int at = (y + (k >> 1)) * width + x + (k & 1);
                    luma[at] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
                    lumaAlpha[at] = (byte) a;
                    alphaSum += a;
                    uSum += (long) a * (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
                    vSum += (long) a * (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
                }
                int c = (y / 2) * (width / 2) + x / 2;
                chromaAlpha[c] = (byte) (alphaSum / 4);
                u[c] = (byte) (alphaSum == 0 ? 128 : uSum / alphaSum);
                v[c] = (byte) (alphaSum == 0 ? 128 : vSum / alphaSum);
            }
        }
    }

    /** Blends the sprite onto {@code canvas}, clipped to it. */
    void paint(Canvas canvas) {
        byte[] data = canvas.data();
        blend(luma, lumaAlpha, width, height, left, top, data, 0, canvas.width(), canvas.height());
        int chromaWidth = width / 2;
        int chromaHeight = height / 2;
        blend(
                u,
                chromaAlpha,
                chromaWidth,
                chromaHeight,
                left / 2,
                top / 2,
                data,
                canvas.uOffset(),
                canvas.chromaWidth(),
                canvas.chromaHeight());
        blend(
                v,
                chromaAlpha,
                chromaWidth,
                chromaHeight,
                left / 2,
                top / 2,
                data,
                canvas.vOffset(),
                canvas.chromaWidth(),
                canvas.chromaHeight());
    }

    private static void blend(
            byte[] plane,
            byte[] alpha,
            int width,
            int height,
            int left,
            int top,
            byte[] target,
            int offset,
            int targetWidth,
            int targetHeight) {
        int fromX = Math.max(0, -left);
        int toX = Math.min(width, targetWidth - left);
        if (toX <= fromX) {
            return;
        }
        for (int y = Math.max(0, -top); y < height && top + y < targetHeight; y++) {
            int source = y * width + fromX;
            int into = offset + (top + y) * targetWidth + left + fromX;
            int length = toX - fromX;
            int x =
                    Resampler.VECTOR
                            ? VectorRows.overlay(plane, source, alpha, source, target, into, length)
                            : 0;
            for (; x < length; x++) {
                int a = alpha[source + x] & 0xff;
                if (a == 0) {
                    continue;
                }
                a += a >> 7;
                int at = into + x;
                target[at] =
                        (byte)
                                (((plane[source + x] & 0xff) * a
                                                + (target[at] & 0xff) * (256 - a)
                                                + 128)
                                        >> 8);
            }
        }
    }
}
