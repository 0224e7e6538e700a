package io.reelflow.sidecar;

import io.reelflow.sidecar.internal.PromptFonts;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a short H.264 clip from a prompt and a seed, deterministically, on the CPU: moving shapes
 * over a moving gradient, with colours and motion taken from a hash of prompt and seed, and the
 * prompt written small on every frame. A reference/demo generator for tests and laptops, not a
 * model. Blocking and CPU-heavy: call it from a bounded executor.
 */
public final class ClipSynthesizer {

    /**
     * Printed on every frame and in every response, so nobody mistakes the output for a model's.
     */
    public static final String LABEL = "reference demo generator - not a model";

    private static final Logger LOG = LoggerFactory.getLogger(ClipSynthesizer.class);
    private static final int MIN_SHAPES = 3;
    private static volatile boolean textAvailable = true;
    private static final int SHAPE_VARIETY = 4;

    static {
        // x264 prints encoder statistics for every clip at the default level; keep warnings only.
        if (avutil.av_log_get_level() > avutil.AV_LOG_WARNING) {
            avutil.av_log_set_level(avutil.AV_LOG_WARNING);
        }
    }

    /**
     * Encodes the clip the request describes into {@code target} (MP4, H.264 via libx264, yuv420p,
     * moov atom first), replacing the file if it exists.
     */
    public SynthesizedClip synthesize(ClipRequest request, Path target) throws IOException {
        Scene scene = Scene.of(request);
        BufferedImage canvas =
                new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        try (FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(
                                target.toFile(), request.width(), request.height(), 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(request.fps());
            recorder.setGopSize(request.fps());
            recorder.setVideoOption("preset", "veryfast");
            recorder.setVideoOption("crf", "23");
            // One encoder thread per clip: requests already run in parallel on the server's pool.
            recorder.setVideoOption("threads", "1");
            // Moov atom first, so that players and the quality scorer can start reading at once.
            recorder.setOption("movflags", "+faststart");
            recorder.start();
            for (int frame = 0; frame < request.frames(); frame++) {
                scene.draw(canvas, frame);
                recorder.record(converter.convert(canvas), avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("Could not encode " + target, e);
        }
        return new SynthesizedClip(target, request.frames(), request.durationSeconds());
    }

    /**
     * Writes the first frame of the request as a PNG to {@code target}: the still an image model
     * would answer.
     */
    public void synthesizeStill(ClipRequest request, Path target) throws IOException {
        if (!ImageIO.write(renderFrame(request, 0), "png", target.toFile())) {
            throw new IOException("No PNG writer in this Java runtime");
        }
    }

    /** Draws one frame of the clip the request describes; the encoder sees exactly this image. */
    public BufferedImage renderFrame(ClipRequest request, int frameIndex) {
        if (frameIndex < 0 || frameIndex >= request.frames()) {
            throw new IllegalArgumentException(
                    "frame " + frameIndex + " is outside 0.." + (request.frames() - 1));
        }
        BufferedImage canvas =
                new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_3BYTE_BGR);
        Scene.of(request).draw(canvas, frameIndex);
        return canvas;
    }

    /** Everything that shapes the imagery, derived once from the hash of prompt and seed. */
    private static final class Scene {
        private final ClipRequest request;
        private final Color[] background;
        private final Shape[] shapes;
        private final double gradientPeriodSeconds;

        private Scene(ClipRequest request, ByteBuffer hash) {
            this.request = request;
            float hue = (hash.getShort() & 0xffff) / 65536f;
            float offset = 0.25f + (hash.get() & 0xff) / 1024f;
            this.background =
                    new Color[] {
                        Color.getHSBColor(hue, 0.65f, 0.55f),
                        Color.getHSBColor((hue + offset) % 1f, 0.7f, 0.9f)
                    };
            this.gradientPeriodSeconds = 2.0 + (hash.get() & 0xff) / 64.0;
            this.shapes = new Shape[MIN_SHAPES + (hash.get() & 0xff) % SHAPE_VARIETY];
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = Shape.from(hash, hue);
            }
        }

        static Scene of(ClipRequest request) {
            return new Scene(request, hash(request));
        }

        void draw(BufferedImage canvas, int frameIndex) {
            double seconds = frameIndex / (double) request.fps();
            int width = canvas.getWidth();
            int height = canvas.getHeight();
            Graphics2D g = canvas.createGraphics();
            try {
                g.setRenderingHint(
                        RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(
                        RenderingHints.KEY_TEXT_ANTIALIASING,
                        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                float shift =
                        (float)
                                (width
                                        * StrictMath.sin(
                                                2
                                                        * StrictMath.PI
                                                        * seconds
                                                        / gradientPeriodSeconds));
                g.setPaint(
                        new GradientPaint(
                                shift,
                                0,
                                background[0],
                                shift + width,
                                height,
                                background[1],
                                true));
                g.fillRect(0, 0, width, height);
                for (Shape shape : shapes) {
                    shape.draw(g, seconds, width, height);
                }
                if (textAvailable) {
                    try {
                        drawText(g, width, height);
                    } catch (RuntimeException | Error e) {
                        // A runtime without fonts (a slim container image) still gets its clips.
                        textAvailable = false;
                        LOG.warn("No fonts available: clips are made without the prompt text", e);
                    }
                }
            } finally {
                g.dispose();
            }
        }

        private void drawText(Graphics2D g, int width, int height) {
            int size = Math.max(8, height / 24);
            int band = size * 2 + size / 2;
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
            g.setColor(Color.BLACK);
            g.fillRect(0, height - band, width, band);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            FontMetrics metrics = g.getFontMetrics();
            int margin = Math.max(2, size / 2);
            g.drawString(
                    PromptFonts.styled(fit(request.prompt(), metrics, width - 2 * margin), size)
                            .getIterator(),
                    margin,
                    height - band + size);
            g.drawString(
                    PromptFonts.styled(
                                    fit(
                                            LABEL + " - seed " + request.seed(),
                                            metrics,
                                            width - 2 * margin),
                                    size)
                            .getIterator(),
                    margin,
                    height - band + 2 * size);
        }

        private static String fit(String text, FontMetrics metrics, int maxWidth) {
            String line = text.replaceAll("\\s+", " ").strip();
            if (metrics.stringWidth(line) <= maxWidth) {
                return line;
            }
            int end = line.length();
            while (end > 0 && metrics.stringWidth(line.substring(0, end) + "...") > maxWidth) {
                end--;
            }
            return line.substring(0, end) + "...";
        }

        private static ByteBuffer hash(ClipRequest request) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(request.prompt().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(request.seed()).array());
                byte[] first = digest.digest();
                // Enough bytes for the palette and up to six shapes of eight bytes each.
                byte[] second = MessageDigest.getInstance("SHA-256").digest(first);
                return ByteBuffer.allocate(first.length + second.length)
                        .put(first)
                        .put(second)
                        .flip();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }

    /** A circle or rounded square that drifts along a Lissajous path. */
    private static final class Shape {
        private final boolean round;
        private final Color color;
        private final double size;
        private final double speedX;
        private final double speedY;
        private final double phase;

        private Shape(
                boolean round,
                Color color,
                double size,
                double speedX,
                double speedY,
                double phase) {
            this.round = round;
            this.color = color;
            this.size = size;
            this.speedX = speedX;
            this.speedY = speedY;
            this.phase = phase;
        }

        static Shape from(ByteBuffer hash, float baseHue) {
            int kind = hash.get() & 0xff;
            float hue = (baseHue + (hash.get() & 0xff) / 256f) % 1f;
            return new Shape(
                    kind % 2 == 0,
                    new Color(Color.HSBtoRGB(hue, 0.8f, 1f) & 0xffffff | 0xb4000000, true),
                    0.12 + (hash.get() & 0xff) / 1024.0,
                    0.3 + (hash.get() & 0xff) / 128.0,
                    0.3 + (hash.get() & 0xff) / 128.0,
                    (hash.getShort() & 0xffff) / 65536.0 * 2 * StrictMath.PI);
        }

        void draw(Graphics2D g, double seconds, int width, int height) {
            double diameter = size * Math.min(width, height);
            double x = (width - diameter) * (0.5 + 0.5 * StrictMath.sin(speedX * seconds + phase));
            double y =
                    (height - diameter)
                            * (0.5 + 0.5 * StrictMath.sin(speedY * seconds + 2 * phase));
            g.setColor(color);
            if (round) {
                g.fill(new Ellipse2D.Double(x, y, diameter, diameter));
            } else {
                g.fill(
                        new RoundRectangle2D.Double(
                                x, y, diameter, diameter, diameter / 4, diameter / 4));
            }
        }
    }
}
