package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.reelflow.operators.render.RenderConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * An H.264/MP4 encoder session at a constant frame rate: one frame in, one frame out, timestamps
 * counted by the recorder. Opens the first usable encoder of a preference list and remembers why
 * the others were skipped, for the render notes.
 */
public final class VideoWriter implements AutoCloseable {

    public static final String NVENC = "h264_nvenc";
    public static final String X264 = "libx264";

    /** NVENC's mid preset; x264 preset names are not valid NVENC presets. */
    private static final String NVENC_PRESET = "p4";

    private final FFmpegFrameRecorder recorder;
    private ByteBuffer buffer;
    private final String encoder;
    private final List<String> skipped;
    private int frames;

    private VideoWriter(FFmpegFrameRecorder recorder, String encoder, List<String> skipped) {
        this.recorder = recorder;
        this.encoder = encoder;
        this.skipped = List.copyOf(skipped);
    }

    /** The encoders {@code config} asks for, in order of preference. */
    public static List<String> encodersFor(RenderConfig config) {
        return switch (config.encoder()) {
            case AUTO -> List.of(NVENC, X264);
            case NVENC -> List.of(NVENC);
            case LIBX264 -> List.of(X264);
        };
    }

    /**
     * Opens {@code file} for writing with the first of {@code encoders} that starts.
     *
     * @throws IOException naming every encoder tried and why it failed, when none starts
     */
    public static VideoWriter open(
            Path file, int width, int height, int fps, RenderConfig config, List<String> encoders)
            throws IOException {
        List<String> skipped = new ArrayList<>();
        for (String encoder : encoders) {
            // Checked first: given an unknown name the recorder silently uses the format's default.
            if (avcodec_find_encoder_by_name(encoder) == null) {
                skipped.add(encoder + " unavailable: not in this FFmpeg build");
                continue;
            }
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodecName(encoder);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize(2 * fps);
            recorder.setVideoBitrate(0);
            recorder.setOption("movflags", "+faststart");
            if (encoder.equals(NVENC)) {
                recorder.setVideoOption("preset", NVENC_PRESET);
                recorder.setVideoOption("rc", "vbr");
                recorder.setVideoOption("cq", Integer.toString(config.crf()));
            } else {
                recorder.setVideoOption("preset", config.x264Preset());
                recorder.setVideoOption("crf", Integer.toString(config.crf()));
                recorder.setVideoOption("threads", Integer.toString(config.encoderThreads()));
            }
            try {
                recorder.start();
                return new VideoWriter(recorder, encoder, skipped);
            } catch (FrameRecorder.Exception | RuntimeException e) {
                release(recorder);
                skipped.add(encoder + " unavailable: " + e.getMessage());
            }
        }
        throw new IOException("no usable H.264 encoder: " + String.join("; ", skipped));
    }

    /** Encodes the canvas as the next frame; it must have the size the writer was opened with. */
    public void write(Canvas canvas) throws IOException {
        byte[] pixels = canvas.pixels();
        if (buffer == null || buffer.capacity() != pixels.length) {
            // Native memory the encoder reads from without another copy.
            buffer = ByteBuffer.allocateDirect(pixels.length);
        }
        buffer.clear();
        buffer.put(pixels).flip();
        try {
            recorder.recordImage(
                    canvas.width(),
                    canvas.height(),
                    Frame.DEPTH_UBYTE,
                    3,
                    canvas.width() * 3,
                    AV_PIX_FMT_BGR24,
                    buffer);
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new IOException("encoding frame " + frames + " failed: " + e.getMessage(), e);
        }
    }

    /** Flushes the encoder and writes the MP4 index (moved to the front for streaming). */
    public void finish() throws IOException {
        try {
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("finishing the video failed: " + e.getMessage(), e);
        }
    }

    public String encoder() {
        return encoder;
    }

    public int framesWritten() {
        return frames;
    }

    /** E.g. {@code encoder libx264 (h264_nvenc unavailable: ...)}. */
    public String note() {
        return skipped.isEmpty()
                ? "encoder " + encoder
                : "encoder " + encoder + " (" + String.join("; ", skipped) + ")";
    }

    @Override
    public void close() {
        release(recorder);
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            // Only frees native memory; the render outcome is already decided.
        }
    }
}
