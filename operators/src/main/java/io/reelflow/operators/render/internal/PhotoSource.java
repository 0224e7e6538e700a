package io.reelflow.operators.render.internal;

import io.reelflow.operators.render.ImageLimits;
import io.reelflow.operators.render.ImageTooLargeException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A still photo with a Ken Burns move. Decoded, fitted (cover or blurred pad) and converted to YUV
 * once per scene, at the size the strongest zoom needs; each frame then only resamples a window of
 * that still, so a frame costs the same whatever the photo's size.
 */
public final class PhotoSource implements SceneSource {

    /** The blurred pad is the photo shrunk this much and enlarged again. */
    static final int PAD_BLUR_FACTOR = 24;

    static final Color PAD_SHADE = new Color(0, 0, 0, 90);

    private final Canvas still;
    private final KenBurns move;
    private final Fit fit;
    private Resampler[] resamplers = new Resampler[0];

    private PhotoSource(Canvas still, KenBurns move, Fit fit) {
        this.still = still;
        this.move = move;
        this.fit = fit;
    }

    /**
     * Decodes {@code file} (JPEGs of YCbCr or grey samples with FFmpeg into native memory, other
     * formats ImageIO reads with ImageIO, the rest with FFmpeg) for a {@code width x height} frame
     * with the given move, within the {@link ImageLimits#defaults() default limits}.
     */
    public static PhotoSource open(Path file, int width, int height, KenBurns move)
            throws IOException {
        return open(file, width, height, move, ImageLimits.defaults());
    }

    /**
     * Decodes {@code file} for a {@code width x height} frame with the given move, after checking
     * its size and declared dimensions against {@code limits} (before any pixel is decoded).
     *
     * @throws ImageTooLargeException when the file or its picture is over a limit
     */
    public static PhotoSource open(
            Path file, int width, int height, KenBurns move, ImageLimits limits)
            throws IOException {
        int stillWidth = even(width * move.maxZoom());
        int stillHeight = even(height * move.maxZoom());
        Optional<ImageLimits.Dimensions> declared = limits.check(file);
        if (declared.isPresent() && JpegStill.isYcbcrOrGrey(file)) {
            int photoWidth = declared.get().width();
            int photoHeight = declared.get().height();
            Fit fit = Fit.choose(photoWidth, photoHeight, width, height);
            try {
                Canvas still =
                        JpegStill.decode(
                                file,
                                photoWidth,
                                photoHeight,
                                stillWidth,
                                stillHeight,
                                fit,
                                limits.maxPixels());
                if (still != null) {
                    return new PhotoSource(still, move, fit);
                }
            } catch (IOException e) {
                // A JPEG FFmpeg refuses may still be one ImageIO reads: try it as before.
            }
        }
        boolean imageIoKnowsIt = declared.isPresent();
        BufferedImage decoded =
                imageIoKnowsIt ? readWithImageIo(file, stillWidth, stillHeight) : null;
        if (decoded == null) {
            decoded = readWithFfmpeg(file, limits);
        }
        Fit fit = Fit.choose(decoded.getWidth(), decoded.getHeight(), width, height);
        BufferedImage fitted =
                new BufferedImage(stillWidth, stillHeight, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (fit == Fit.COVER) {
                drawCovering(g, decoded, stillWidth, stillHeight);
            } else {
                drawPad(g, decoded, stillWidth, stillHeight);
                double scale =
                        Math.min(
                                (double) stillWidth / decoded.getWidth(),
                                (double) stillHeight / decoded.getHeight());
                int w = (int) Math.round(decoded.getWidth() * scale);
                int h = (int) Math.round(decoded.getHeight() * scale);
                g.drawImage(decoded, (stillWidth - w) / 2, (stillHeight - h) / 2, w, h, null);
            }
        } finally {
            g.dispose();
        }
        Canvas still = new Canvas(stillWidth, stillHeight);
        still.setImage(fitted);
        return new PhotoSource(still, move, fit);
    }

    public Fit fit() {
        return fit;
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount) {
        Grids grids = grids(canvas, frame, frameCount);
        paintBand(canvas, grids, 0, 1, 0);
    }

    @Override
    public void paint(Canvas canvas, int frame, int frameCount, Bands bands) throws IOException {
        Grids grids = grids(canvas, frame, frameCount);
        bands.run((band, count, worker) -> paintBand(canvas, grids, band, count, worker));
    }

    /** The sampling grids of one frame: luma, and chroma (shared by U and V). */
    private record Grids(Resampler.Grid luma, Resampler.Grid chroma) {}

    private Grids grids(Canvas canvas, int frame, int frameCount) {
        double progress = frameCount > 1 ? (double) frame / (frameCount - 1) : 0;
        KenBurns.Window window = move.window(progress, still.width(), still.height());
        return new Grids(
                new Resampler.Grid(
                        still.width(),
                        still.height(),
                        canvas.width(),
                        canvas.height(),
                        window.left(),
                        window.top(),
                        window.width(),
                        window.height()),
                new Resampler.Grid(
                        still.chromaWidth(),
                        still.chromaHeight(),
                        canvas.chromaWidth(),
                        canvas.chromaHeight(),
                        window.left() / 2,
                        window.top() / 2,
                        window.width() / 2,
                        window.height() / 2));
    }

    /** Paints the rows of band {@code band} of {@code bands} in every plane. */
    private void paintBand(Canvas canvas, Grids grids, int band, int bands, int worker) {
        Resampler resampler = resampler(worker);
        byte[] source = still.data();
        byte[] target = canvas.data();
        int height = grids.luma().targetHeight();
        resampler.sample(
                grids.luma(),
                source,
                0,
                target,
                0,
                canvas.width(),
                Bands.firstRow(band, bands, height),
                Bands.firstRow(band + 1, bands, height));
        int chromaHeight = grids.chroma().targetHeight();
        resampler.samplePair(
                grids.chroma(),
                source,
                still.uOffset(),
                still.vOffset(),
                target,
                canvas.uOffset(),
                canvas.vOffset(),
                canvas.chromaWidth(),
                Bands.firstRow(band, bands, chromaHeight),
                Bands.firstRow(band + 1, bands, chromaHeight));
    }

    /** The resampler of a worker thread: each needs its own buffers. */
    private synchronized Resampler resampler(int worker) {
        if (resamplers.length <= worker) {
            resamplers = Arrays.copyOf(resamplers, worker + 1);
        }
        if (resamplers[worker] == null) {
            resamplers[worker] = new Resampler();
        }
        return resamplers[worker];
    }

    @Override
    public void close() {}

    private static void drawCovering(Graphics2D g, BufferedImage image, int width, int height) {
        CoverCrop cover = CoverCrop.of(image.getWidth(), image.getHeight(), width, height);
        g.drawImage(
                image,
                -cover.cropX(),
                -cover.cropY(),
                cover.scaledWidth(),
                cover.scaledHeight(),
                Color.BLACK,
                null);
    }

    /** A blurred, darker copy of the photo covering the frame, behind the whole photo. */
    private static void drawPad(Graphics2D g, BufferedImage image, int width, int height) {
        int smallWidth = Math.max(2, width / PAD_BLUR_FACTOR);
        int smallHeight = Math.max(2, height / PAD_BLUR_FACTOR);
        // Halving steps average 2 x 2 pixels each, a box filter without aliasing; the smooth
        // enlargement of the tiny result is the blur.
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D cg = small.createGraphics();
        cg.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        drawCovering(cg, image, width, height);
        cg.dispose();
        while (small.getWidth() / 2 >= smallWidth && small.getHeight() / 2 >= smallHeight) {
            BufferedImage half =
                    new BufferedImage(
                            small.getWidth() / 2,
                            small.getHeight() / 2,
                            BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D hg = half.createGraphics();
            hg.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            hg.drawImage(small, 0, 0, half.getWidth(), half.getHeight(), null);
            hg.dispose();
            small = half;
        }
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, width, height, null);
        g.setColor(PAD_SHADE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    static int even(double size) {
        int rounded = (int) Math.ceil(size);
        return rounded + (rounded & 1);
    }

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

    /**
     * Decodes the first picture with FFmpeg, for formats ImageIO lacks (WebP, AVIF, ...): the
     * dimensions FFmpeg reads from the stream are checked before the frame is decoded, and the
     * decoder itself refuses bigger frames ({@code max_pixels}).
     */
    private static BufferedImage readWithFfmpeg(Path file, ImageLimits limits) throws IOException {
        limits.checkStreamHeader(file);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setVideoOption(
                    "max_pixels", Long.toString(Math.min(limits.maxPixels(), Integer.MAX_VALUE)));
            grabber.start();
            if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new IOException("no decodable image");
            }
            limits.checkPixels(grabber.getImageWidth(), grabber.getImageHeight());
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
