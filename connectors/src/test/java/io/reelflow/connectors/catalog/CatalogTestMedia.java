package io.reelflow.connectors.catalog;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Media made in the tests: photos, a rotated H.264 clip, AAC music, broken and empty files. */
final class CatalogTestMedia {
    static final int CLIP_WIDTH = 320;
    static final int CLIP_HEIGHT = 180;
    static final int CLIP_FPS = 25;
    static final int CLIP_FRAMES = 50;
    static final double MUSIC_SECONDS = 1.5;

    static {
        // Broken files make FFmpeg complain on stderr; the rejection reasons say enough.
        av_log_set_level(AV_LOG_FATAL);
    }

    private CatalogTestMedia() {}

    /** A landscape photo: a red left half and a blue right half. */
    static Path writeJpeg(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    /** A PNG with transparency, green where opaque. */
    static Path writePng(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 160, 60, 255));
        g.fillRect(0, 0, width, height / 2);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /**
     * A decompression bomb: a real 1x1 PNG whose header is rewritten to declare {@code width x
     * height}; its pixel data stays one pixel's worth.
     */
    static Path writePngDeclaring(Path file, int width, int height) throws IOException {
        byte[] png = Files.readAllBytes(writePng(file, 1, 1));
        // IHDR is the first chunk: length at 8, type at 12, width at 16, height at 20, CRC at 29.
        ByteBuffer bytes = ByteBuffer.wrap(png).putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        bytes.putInt(29, (int) crc.getValue());
        Files.write(file, png);
        return file;
    }

    /**
     * A 2 s H.264 clip coded at {@value #CLIP_WIDTH}x{@value #CLIP_HEIGHT} and marked for display
     * turned {@code rotation} degrees clockwise. Its top half is white, its bottom half black.
     */
    static Path writeRotatedClip(Path file, int rotation) throws IOException {
        try (FFmpegFrameRecorder recorder =
                        new FFmpegFrameRecorder(file.toFile(), CLIP_WIDTH, CLIP_HEIGHT, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setVideoOption("preset", "ultrafast");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(CLIP_FPS);
            // The display matrix turns counter-clockwise.
            recorder.setDisplayRotation(-rotation);
            recorder.start();
            BufferedImage frame =
                    new BufferedImage(CLIP_WIDTH, CLIP_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = frame.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, CLIP_WIDTH, CLIP_HEIGHT / 2);
            g.setColor(Color.BLACK);
            g.fillRect(0, CLIP_HEIGHT / 2, CLIP_WIDTH, CLIP_HEIGHT / 2);
            g.dispose();
            for (int i = 0; i < CLIP_FRAMES; i++) {
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        }
        return file;
    }

    /** {@value #MUSIC_SECONDS} s of a 440 Hz tone, AAC in an MP4 container. */
    static Path writeMusic(Path file) throws IOException {
        int sampleRate = 44_100;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(AV_CODEC_ID_AAC);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioBitrate(64_000);
            recorder.start();
            int total = (int) (sampleRate * MUSIC_SECONDS);
            short[] samples = new short[total];
            for (int i = 0; i < total; i++) {
                samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
            }
            recorder.recordSamples(sampleRate, 1, ShortBuffer.wrap(samples));
            recorder.stop();
        }
        return file;
    }

    /** Random bytes under a media file's name. */
    static Path writeCorrupt(Path file) throws IOException {
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    static Path writeEmpty(Path file) throws IOException {
        return Files.write(file, new byte[0]);
    }
}
