package io.reelflow.connectors.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Tests for {@link Thumbnails}. */
class ThumbnailsTest {

    /** 200x100, red on the left half, blue on the right. */
    private static BufferedImage redLeftBlueRight() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();
        return image;
    }

    @Test
    void shouldScaleDownToFitButNeverEnlarge() {
        BufferedImage scaled = Thumbnails.upright(redLeftBlueRight(), 0, 50);
        BufferedImage kept = Thumbnails.upright(redLeftBlueRight(), 0, 480);

        assertThat(scaled.getWidth()).isEqualTo(50);
        assertThat(scaled.getHeight()).isEqualTo(25);
        assertThat(kept.getWidth()).isEqualTo(200);
        assertThat(kept.getHeight()).isEqualTo(100);
    }

    @Test
    void shouldTurnClockwiseSoLeftBecomesTop() {
        BufferedImage turned = Thumbnails.upright(redLeftBlueRight(), 90, 480);

        assertThat(turned.getWidth()).isEqualTo(100);
        assertThat(turned.getHeight()).isEqualTo(200);
        assertThat(new Color(turned.getRGB(50, 20))).isEqualTo(Color.RED);
        assertThat(new Color(turned.getRGB(50, 180))).isEqualTo(Color.BLUE);
    }

    @Test
    void shouldTurnCounterClockwiseSoLeftBecomesBottom() {
        BufferedImage turned = Thumbnails.upright(redLeftBlueRight(), 270, 480);

        assertThat(new Color(turned.getRGB(50, 20))).isEqualTo(Color.BLUE);
        assertThat(new Color(turned.getRGB(50, 180))).isEqualTo(Color.RED);
    }

    @Test
    void shouldTurnHalfWaySoLeftBecomesRight() {
        BufferedImage turned = Thumbnails.upright(redLeftBlueRight(), 180, 480);

        assertThat(turned.getWidth()).isEqualTo(200);
        assertThat(new Color(turned.getRGB(20, 50))).isEqualTo(Color.BLUE);
        assertThat(new Color(turned.getRGB(180, 50))).isEqualTo(Color.RED);
    }
}
