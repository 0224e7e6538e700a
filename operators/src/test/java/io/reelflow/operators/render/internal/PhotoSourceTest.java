package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.ImageTooLargeException;
import io.reelflow.operators.render.TestMedia;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link PhotoSource}. */
class PhotoSourceTest {

    /** A still of exactly the frame's size, so painting frame 0 shows the still itself. */
    private static final KenBurns STILL = new KenBurns(1, 1, 0.5, 0.5, 0.5, 0.5);

    /** JPEG's loss plus the rounding of two colour conversions. */
    private static final int TOLERANCE = 4;

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

    @Test
    void shouldDecodeJpegColoursAsImageIoDoes() throws IOException {
        Path photo = writeJpeg(directory.resolve("quadrants.jpg"), quadrants(400, 240));

        Canvas frame = firstFrame(PhotoSource.open(photo, 160, 90, STILL), 160, 90);

        assertColour(frame, 40, 22, TestMedia.RED);
        assertColour(frame, 120, 22, TestMedia.GREEN);
        assertColour(frame, 40, 67, TestMedia.BLUE);
        assertColour(frame, 120, 67, TestMedia.GREY);
    }

    @Test
    void shouldKeepGreyJpegsGrey() throws IOException {
        BufferedImage grey = new BufferedImage(320, 180, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 0, 160, 180);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(160, 0, 160, 180);
        g.dispose();
        Path photo = writeJpeg(directory.resolve("grey.jpg"), grey);

        Canvas frame = firstFrame(PhotoSource.open(photo, 160, 90, STILL), 160, 90);

        assertColour(frame, 40, 45, new Color(60, 60, 60));
        assertColour(frame, 120, 45, new Color(200, 200, 200));
        byte[] data = frame.data();
        for (int i = frame.uOffset(); i < data.length; i++) {
            assertThat(data[i] & 0xff).as("chroma sample %d", i).isBetween(127, 129);
        }
    }

    @Test
    void shouldShowAWholePortraitJpegOnADarkerBlurredPad() throws IOException {
        BufferedImage portrait = TestMedia.solid(240, 400, TestMedia.RED);
        Graphics2D g = portrait.createGraphics();
        g.setColor(TestMedia.BLUE);
        g.fillRect(0, 200, 240, 200);
        g.dispose();
        Path photo = writeJpeg(directory.resolve("portrait.jpg"), portrait);

        PhotoSource source = PhotoSource.open(photo, 320, 180, STILL);
        Canvas frame = firstFrame(source, 320, 180);

        assertThat(source.fit()).isEqualTo(Fit.BLUR_PAD);
        // The whole photo, 108 x 180, in the middle: its top red, its bottom blue.
        assertColour(frame, 160, 10, TestMedia.RED);
        assertColour(frame, 160, 170, TestMedia.BLUE);
        int photoLuma = frame.data()[40 * 320 + 160] & 0xff;
        int padLuma = frame.data()[40 * 320 + 10] & 0xff;
        assertThat(padLuma).isGreaterThan(Canvas.BLACK_Y).isLessThan(photoLuma - 10);
    }

    @Test
    void shouldShowAJpegAsStoredWhateverItsExifOrientationSays() throws IOException {
        BufferedImage image = TestMedia.solid(400, 240, TestMedia.RED);
        Graphics2D g = image.createGraphics();
        g.setColor(TestMedia.BLUE);
        g.fillRect(200, 0, 200, 240);
        g.dispose();
        Path photo = writeJpeg(directory.resolve("rotated.jpg"), image);
        Files.write(photo, withExifOrientation(Files.readAllBytes(photo), 6));

        PhotoSource source = PhotoSource.open(photo, 160, 90, STILL);
        Canvas frame = firstFrame(source, 160, 90);

        // ImageIO ignores the tag, and so does the FFmpeg path: stored pixels, landscape.
        assertThat(source.fit()).isEqualTo(Fit.COVER);
        assertColour(frame, 30, 45, TestMedia.RED);
        assertColour(frame, 130, 45, TestMedia.BLUE);
    }

    @Test
    void shouldReadRgbJpegsThroughImageIo() throws IOException {
        Path photo = directory.resolve("adobe-rgb.jpg");
        writeAdobeRgbJpeg(photo, quadrants(400, 240));

        Canvas frame = firstFrame(PhotoSource.open(photo, 160, 90, STILL), 160, 90);

        assertColour(frame, 40, 22, TestMedia.RED);
        assertColour(frame, 120, 67, TestMedia.GREY);
    }

    @Test
    void shouldRefuseAJpegOverThePixelLimitBeforeDecodingIt() throws IOException {
        Path photo = writeJpeg(directory.resolve("big.jpg"), quadrants(400, 240));

        assertThatThrownBy(
                        () ->
                                PhotoSource.open(
                                        photo,
                                        160,
                                        90,
                                        STILL,
                                        ImageLimits.defaults().withMaxPixels(10_000)))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("400x240");
    }

    private static BufferedImage quadrants(int width, int height) {
        BufferedImage image = TestMedia.solid(width, height, TestMedia.RED);
        Graphics2D g = image.createGraphics();
        g.setColor(TestMedia.GREEN);
        g.fillRect(width / 2, 0, width / 2, height / 2);
        g.setColor(TestMedia.BLUE);
        g.fillRect(0, height / 2, width / 2, height / 2);
        g.setColor(TestMedia.GREY);
        g.fillRect(width / 2, height / 2, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static Canvas firstFrame(PhotoSource source, int width, int height) {
        Canvas frame = new Canvas(width, height);
        source.paint(frame, 0, 30);
        return frame;
    }

    /** The pixel at {@code (x, y)} is {@code expected} as {@link Canvas#setImage} converts it. */
    private static void assertColour(Canvas frame, int x, int y, Color expected) {
        Canvas reference = new Canvas(2, 2);
        reference.setImage(TestMedia.solid(2, 2, expected));
        int chroma = (y / 2) * frame.chromaWidth() + x / 2;
        int[] actual = {
            frame.data()[y * frame.width() + x] & 0xff,
            frame.data()[frame.uOffset() + chroma] & 0xff,
            frame.data()[frame.vOffset() + chroma] & 0xff
        };
        int[] wanted = {
            reference.data()[0] & 0xff,
            reference.data()[reference.uOffset()] & 0xff,
            reference.data()[reference.vOffset()] & 0xff
        };
        for (int plane = 0; plane < 3; plane++) {
            assertThat(actual[plane])
                    .as("plane %d at %d,%d for %s", plane, x, y, expected)
                    .isCloseTo(wanted[plane], org.assertj.core.data.Offset.offset(TOLERANCE));
        }
    }

    private static Path writeJpeg(Path file, BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out =
                new MemoryCacheImageOutputStream(Files.newOutputStream(file))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), highQuality(writer));
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static ImageWriteParam highQuality(ImageWriter writer) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        return param;
    }

    /**
     * A JPEG of RGB samples (Adobe marker, transform 0, no JFIF marker): FFmpeg decodes it to RGB
     * planes, which the FFmpeg path leaves to ImageIO.
     */
    private static void writeAdobeRgbJpeg(Path file, BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out =
                new MemoryCacheImageOutputStream(Files.newOutputStream(file))) {
            ImageWriteParam param = highQuality(writer);
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            IIOMetadataNode variety =
                    (IIOMetadataNode) root.getElementsByTagName("JPEGvariety").item(0);
            while (variety.hasChildNodes()) {
                variety.removeChild(variety.getFirstChild());
            }
            IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
            adobe.setAttribute("transform", "0");
            root.getElementsByTagName("markerSequence").item(0).appendChild(adobe);
            metadata.setFromTree(format, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** The JPEG with an EXIF segment (APP1) saying {@code orientation}, after its JFIF segment. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
        ByteBuffer exif = ByteBuffer.allocate(36);
        exif.put((byte) 0xff).put((byte) 0xe1).putShort((short) 34);
        exif.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        exif.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112).putShort((short) 3).putInt(1);
        exif.putShort((short) orientation).putShort((short) 0);
        exif.putInt(0);
        int afterJfif = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.write(exif.array());
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }
}
