package io.reelflow.operators.render.audio.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * A PCM s16le WAV file, written in the frames FFmpeg hands out or from interleaved samples; deleted
 * on close unless finished, so a failed write leaves nothing behind.
 */
public final class WavWriter implements AutoCloseable {

    private final FFmpegFrameRecorder recorder;
    private final Path file;
    private final int sampleRate;
    private final int channels;
    private boolean finished;

    private WavWriter(FFmpegFrameRecorder recorder, Path file, int sampleRate, int channels) {
        this.recorder = recorder;
        this.file = file;
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    public static WavWriter open(Path file, int sampleRate, int channels) throws IOException {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels);
        recorder.setFormat("wav");
        recorder.setAudioCodec(AV_CODEC_ID_PCM_S16LE);
        recorder.setSampleRate(sampleRate);
        recorder.setAudioChannels(channels);
        try {
            recorder.start();
            return new WavWriter(recorder, file, sampleRate, channels);
        } catch (FrameRecorder.Exception | RuntimeException e) {
            release(recorder);
            throw new IOException("cannot write " + file.getFileName() + ": " + e, e);
        }
    }

    /** Writes a frame of interleaved 16-bit samples with this file's channel count. */
    public void write(Frame frame) throws IOException {
        if (frame.audioChannels != channels
                || frame.samples.length != 1
                || !(frame.samples[0] instanceof ShortBuffer)) {
            throw new IOException(
                    "the audio graph produced "
                            + frame.audioChannels
                            + " channels in "
                            + frame.samples.length
                            + " planes of "
                            + frame.samples[0].getClass().getSimpleName()
                            + ", expected interleaved 16-bit with "
                            + channels
                            + " channels");
        }
        write((ShortBuffer) frame.samples[0]);
    }

    /** Writes interleaved 16-bit samples, from the buffer's position to its limit. */
    public void write(ShortBuffer interleaved) throws IOException {
        try {
            recorder.recordSamples(sampleRate, channels, interleaved);
        } catch (FrameRecorder.Exception e) {
            throw new IOException("writing audio failed: " + e.getMessage(), e);
        }
    }

    public void finish() throws IOException {
        try {
            recorder.stop();
            finished = true;
        } catch (FrameRecorder.Exception e) {
            throw new IOException("finishing the audio file failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        release(recorder);
        if (!finished) {
            Files.deleteIfExists(file);
        }
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            // Only frees native memory; the outcome is already decided.
        }
    }
}
