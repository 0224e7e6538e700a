package io.reelflow.operators.render.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of small frames, one per scene, collected while the video is composed (no second decode)
 * so an editor sees the whole video at a glance.
 */
public final class ContactSheet {

    private static final int GAP = 4;

    private final int columns;
    private final int tileWidth;
    private final int tileHeight;
    private final List<BufferedImage> tiles = new ArrayList<>();

    /** Tiles {@code tileWidth} wide with the frames' aspect ratio, {@code columns} per row. */
    public ContactSheet(int columns, int tileWidth, int frameWidth, int frameHeight) {
        if (columns < 1 || tileWidth < 1) {
            throw new IllegalArgumentException(
                    "columns and tileWidth must be positive, were " + columns + ", " + tileWidth);
        }
        this.columns = columns;
        this.tileWidth = tileWidth;
        this.tileHeight =
                Math.max(1, (int) Math.round((double) tileWidth * frameHeight / frameWidth));
    }

    /** Adds a tile of the canvas's current picture. */
    public void add(Canvas canvas) {
        tiles.add(canvas.scaledImage(tileWidth, tileHeight));
    }

    public int tileCount() {
        return tiles.size();
    }

    public int tileWidth() {
        return tileWidth;
    }

    public int tileHeight() {
        return tileHeight;
    }

    public int columns() {
        return columns;
    }

    /** The grid, left to right and top to bottom, on a dark background. */
    public BufferedImage image() {
        int count = Math.max(1, tiles.size());
        int cols = Math.min(columns, count);
        int rows = (count + columns - 1) / columns;
        BufferedImage sheet =
                new BufferedImage(
                        cols * (tileWidth + GAP) + GAP,
                        rows * (tileHeight + GAP) + GAP,
                        BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(new Color(24, 24, 24));
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < tiles.size(); i++) {
                int x = GAP + (i % columns) * (tileWidth + GAP);
                int y = GAP + (i / columns) * (tileHeight + GAP);
                g.drawImage(tiles.get(i), x, y, null);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
