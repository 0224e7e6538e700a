package io.reelflow.operators.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.Transition;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Media and jobs made in the tests: small clips, photos, corrupt files, frame inspection. */
public final class TestMedia {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    public static final int FPS = 25;
    public static final String REQUEST_ID = "req-1";
    public static final String RUN_ID = "run-1";

    public static final Color RED = new Color(220, 40, 40);
    public static final Color GREEN = new Color(40, 200, 60);
    public static final Color BLUE = new Color(40, 60, 220);
    public static final Color GREY = new Color(128, 128, 128);

    static {
        // x264 statistics on stderr drown the test output.
        av_log_set_level(AV_LOG_ERROR);
        AvroClassTrust.install();
    }

    private TestMedia() {}

    /** Encodes {@code frames} frames, each painted by {@code painter}, with {@code codec}. */
    public static Path writeClip(
            Path file,
            String codec,
            int width,
            int height,
            int fps,
            int frames,
            IntFunction<BufferedImage> painter)
            throws IOException {
        try (FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName(codec);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            if (codec.equals("libx264")) {
                recorder.setVideoOption("preset", "ultrafast");
            }
            recorder.start();
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(painter.apply(i)));
            }
            recorder.stop();
        }
        return file;
    }

    /** An H.264 clip of solid colours, chosen per frame. */
    public static Path writeSolidClip(
            Path file, int width, int height, int fps, int frames, IntFunction<Color> colour)
            throws IOException {
        return writeClip(
                file,
                "libx264",
                width,
                height,
                fps,
                frames,
                i -> solid(width, height, colour.apply(i)));
    }

    public static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** A photo of one colour, in an ImageIO format such as {@code png} or {@code jpg}. */
    public static Path writePhoto(Path file, int width, int height, Color colour, String format)
            throws IOException {
        ImageIO.write(solid(width, height, colour), format, file.toFile());
        return file;
    }

    /**
     * A decompression bomb: a PNG of a few dozen bytes whose header (IHDR) declares {@code width x
     * height} RGB pixels, followed by a tiny IDAT (one row's worth of zeros) and IEND.
     */
    public static Path writePngDeclaring(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13);
        // 8 bits per sample, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
        header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put(new byte[3]);
        writeChunk(png, "IHDR", header.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat)) {
            deflate.write(new byte[16]);
        }
        writeChunk(png, "IDAT", idat.toByteArray());
        writeChunk(png, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
        return file;
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Bytes that no decoder accepts. */
    public static Path writeGarbage(Path file) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Files.write(file, bytes);
        return file;
    }

    /** Every frame of a video, decoded to RGB. */
    public static List<BufferedImage> decodeFrames(Path video) throws IOException {
        List<BufferedImage> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                frames.add(Java2DFrameConverter.cloneBufferedImage(converter.convert(frame)));
            }
        }
        return frames;
    }

    /** The average colour of {@code area}. */
    public static Color mean(BufferedImage image, Rectangle area) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int rgb = image.getRGB(x, y);
                r += (rgb >> 16) & 0xff;
                g += (rgb >> 8) & 0xff;
                b += rgb & 0xff;
            }
        }
        long n = (long) area.width * area.height;
        return new Color((int) (r / n), (int) (g / n), (int) (b / n));
    }

    /** Mean absolute difference per channel between two images over {@code area}. */
    public static double difference(BufferedImage a, BufferedImage b, Rectangle area) {
        long sum = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * area.width * area.height);
    }

    /** True when {@code actual} is within {@code tolerance} of {@code expected} in each channel. */
    public static boolean near(Color actual, Color expected, int tolerance) {
        return Math.abs(actual.getRed() - expected.getRed()) <= tolerance
                && Math.abs(actual.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(actual.getBlue() - expected.getBlue()) <= tolerance;
    }

    /** A {@link #WIDTH} x {@link #HEIGHT} spec at {@link #FPS} with cuts between scenes. */
    public static RenderSpec spec(double targetSeconds, boolean subtitles) {
        return RenderSpec.newBuilder()
                .setWidth(WIDTH)
                .setHeight(HEIGHT)
                .setFps(FPS)
                .setTargetDurationSeconds(targetSeconds)
                .setSubtitles(subtitles)
                .setTransition(Transition.CUT)
                .build();
    }

    public static SceneClip clip(
            int index,
            String text,
            double start,
            double end,
            ClipSource source,
            String mediaUri,
            int sceneCount) {
        Scene scene =
                Scene.newBuilder()
                        .setIndex(index)
                        .setText(text)
                        .setStartSeconds(start)
                        .setEndSeconds(end)
                        .setPrompt("prompt " + index)
                        .build();
        return SceneClip.newBuilder()
                .setRequestId(REQUEST_ID)
                .setRunId(RUN_ID)
                .setSceneCount(sceneCount)
                .setScene(scene)
                .setSource(source)
                .setMediaUri(mediaUri)
                .build();
    }

    public static Credit credit(String assetId) {
        return Credit.newBuilder()
                .setAssetId(assetId)
                .setUri("s3://catalog/" + assetId)
                .setAuthor("Author of " + assetId)
                .build();
    }

    public static RenderJob job(RenderSpec spec, List<SceneClip> clips) {
        return RenderJob.newBuilder()
                .setRequestId(REQUEST_ID)
                .setRunId(RUN_ID)
                .setLanguage("en")
                .setSpec(spec)
                .setClips(clips)
                .build();
    }

    /** The whole frame above the subtitle area. */
    public static Rectangle upperHalf() {
        return new Rectangle(0, 0, WIDTH, HEIGHT / 2);
    }

    /** Where burned-in subtitles go. */
    public static Rectangle subtitleArea() {
        return new Rectangle(WIDTH / 8, HEIGHT * 3 / 4, WIDTH * 3 / 4, HEIGHT / 4 - 4);
    }
}
