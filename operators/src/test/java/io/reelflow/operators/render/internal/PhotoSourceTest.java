package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.render.TestMedia;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link PhotoSource}. */
class PhotoSourceTest {

    @TempDir Path directory;

    @Test
    void shouldPaintTheSameFramesWithHelperThreadsAsAlone() throws IOException {
        Path photo = directory.resolve("gradient.png");
        BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, TestMedia.RED, 400, 240, TestMedia.BLUE));
        g.fillRect(0, 0, 400, 240);
        g.setColor(Color.WHITE);
        g.fillOval(150, 80, 100, 60);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());
        PhotoSource source =
                PhotoSource.open(photo, 160, 90, new KenBurns(1, 1.3, 0.5, 0.5, 0.56, 0.46));

        try (Bands bands = Bands.of(2)) {
            for (int frame = 0; frame < 30; frame += 7) {
                Canvas alone = new Canvas(160, 90);
                Canvas shared = new Canvas(160, 90);
                source.paint(alone, frame, 30);
                source.paint(shared, frame, 30, bands);

                assertThat(shared.data()).as("frame %d", frame).isEqualTo(alone.data());
            }
        }
    }

    @Test
    void shouldShowTheMoveAdvancing() throws IOException {
        Path photo = directory.resolve("split.png");
        BufferedImage image = new BufferedImage(400, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, 400, 0, Color.WHITE));
        g.fillRect(0, 0, 400, 240);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());
        PhotoSource source =
                PhotoSource.open(photo, 160, 90, new KenBurns(1, 1.3, 0.5, 0.5, 0.5, 0.5));

        Canvas first = new Canvas(160, 90);
        Canvas last = new Canvas(160, 90);
        source.paint(first, 0, 30);
        source.paint(last, 29, 30);

        // Zooming in on a left-to-right ramp narrows its range: the left edge gets lighter.
        assertThat(last.data()[45 * 160] & 0xff).isGreaterThan(first.data()[45 * 160] & 0xff);
    }
}
