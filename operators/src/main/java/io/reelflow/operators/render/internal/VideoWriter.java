package io.reelflow.operators.render.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.reelflow.operators.render.RenderConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * An H.264 (+ AAC) MP4 encoder session at a constant frame rate, with the index at the front
 * ({@code faststart}) so players can start before the download ends. Frames arrive in YUV 4:2:0,
 * the encoder's own format, so no conversion runs here. An optional audio file is read along and
 * interleaved as AAC as the video advances; it may still be being mixed when the video starts (an
 * {@link AudioSource} not yet ready), in which case the muxer holds the first video packets until
 * the sound's first packets arrive, so the file is interleaved as if the sound had been there from
 * the start. Opens the first usable encoder of a preference list and remembers why the others were
 * skipped, for the render notes; NVENC is tried only when the process's {@link NvencProbe} found it
 * usable.
 */
public final class VideoWriter implements AutoCloseable {

    public static final String NVENC = "h264_nvenc";
    public static final String X264 = "libx264";

    public static final int AUDIO_SAMPLE_RATE = 48_000;
    public static final int AUDIO_CHANNELS = 2;
    static final int AUDIO_BITRATE = 192_000;

    /** NVENC's mid preset; x264 preset names are not valid NVENC presets. */
    private static final String NVENC_PRESET = "p4";

    /**
     * How far the video may run ahead of a sound still being mixed before the writer waits for it:
     * the muxer holds the video packets meanwhile, and past FFmpeg's {@code max_interleave_delta}
     * (10 s) it would write them without the sound between them.
     */
    static final long AUDIO_WAIT_FROM_MICROS = 5_000_000;

    /** Sample frames per silent audio frame written when the sound could not be read. */
    private static final int SILENCE_CHUNK = 1024;

    /** An audio track to interleave, which may still be being written when the video starts. */
    public interface AudioSource {
        /** Whether {@link #await()} returns at once. */
        boolean ready();

        /**
         * The finished track (a 48 kHz stereo WAV or anything FFmpeg reads), waiting for it; empty
         * when it could not be made: the audio stream is then silent.
         *
         * @throws IOException when interrupted while waiting
         */
        Optional<Path> await() throws IOException;

        /** A track that is already there. */
        static AudioSource of(Path file) {
            return new AudioSource() {
                @Override
                public boolean ready() {
                    return true;
                }

                @Override
                public Optional<Path> await() {
                    return Optional.of(file);
                }
            };
        }
    }

    private final FFmpegFrameRecorder recorder;
    private final AudioSource pendingAudio;
    private final String encoder;
    private final List<String> skipped;
    private final int fps;
    private FFmpegFrameGrabber audio;
    private ByteBuffer buffer;
    private ShortBuffer silence;
    private long silentSamples;
    private String audioProblem;
    private int frames;
    private boolean audioEnded;
    private long audioWaitNanos;

    private VideoWriter(
            FFmpegFrameRecorder recorder,
            FFmpegFrameGrabber audio,
            AudioSource pendingAudio,
            String encoder,
            List<String> skipped,
            int fps) {
        this.recorder = recorder;
        this.audio = audio;
        this.pendingAudio = audio == null ? pendingAudio : null;
        this.encoder = encoder;
        this.skipped = List.copyOf(skipped);
        this.fps = fps;
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
     * The encoders worth opening, in order, and why the others are skipped.
     *
     * @param toTry encoders to open, the first that starts wins
     * @param skipped {@code <encoder> unavailable: <reason>} for each one left out
     */
    public record Candidates(List<String> toTry, List<String> skipped) {
        public Candidates {
            toTry = List.copyOf(toTry);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Leaves out of {@code encoders} those this FFmpeg build lacks and {@value #NVENC} when {@code
     * nvenc} found it unusable (asking it only then, so a CPU-only list never probes the GPU).
     */
    public static Candidates candidates(List<String> encoders, NvencProbe nvenc) {
        List<String> toTry = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String encoder : encoders) {
            // Checked first: given an unknown name the recorder silently uses the format's default.
            if (avcodec_find_encoder_by_name(encoder) == null) {
                skipped.add(encoder + " unavailable: not in this FFmpeg build");
            } else if (encoder.equals(NVENC) && !nvenc.outcome().available()) {
                skipped.add(encoder + " unavailable: " + nvenc.outcome().reason());
            } else {
                toTry.add(encoder);
            }
        }
        return new Candidates(toTry, skipped);
    }

    /** A silent video; see {@link #open(Path, int, int, int, RenderConfig, List, Optional)}. */
    public static VideoWriter open(
            Path file, int width, int height, int fps, RenderConfig config, List<String> encoders)
            throws IOException {
        return open(file, width, height, fps, config, encoders, Optional.empty());
    }

    /**
     * Opens {@code file} for writing with the first of {@code encoders} that starts; with {@code
     * audio} (a 48 kHz stereo WAV or anything FFmpeg reads), the file also gets its sound as AAC,
     * cut at the video's end.
     *
     * @throws IOException naming every encoder tried and why it failed, when none starts, or when
     *     the audio cannot be read
     */
    public static VideoWriter open(
            Path file,
            int width,
            int height,
            int fps,
            RenderConfig config,
            List<String> encoders,
            Optional<Path> audio)
            throws IOException {
        return open(
                file,
                width,
                height,
                fps,
                config,
                encoders,
                audio.map(AudioSource::of).orElse(null));
    }

    /**
     * Opens {@code file} as {@link #open(Path, int, int, int, RenderConfig, List, Optional)} does,
     * with an audio stream when {@code audio} is not null. A source already {@link
     * AudioSource#ready() ready} is read at once (and an unreadable one throws); one still being
     * made is read when ready, waited for once the video is {@link #AUDIO_WAIT_FROM_MICROS} ahead
     * of it, and replaced by silence (see {@link #audioProblem()}) when it cannot be read. A source
     * that made no track gives a silent stream.
     */
    public static VideoWriter open(
            Path file,
            int width,
            int height,
            int fps,
            RenderConfig config,
            List<String> encoders,
            AudioSource audio)
            throws IOException {
        FFmpegFrameGrabber sound = null;
        if (audio != null && audio.ready()) {
            Optional<Path> ready = audio.await();
            if (ready.isPresent()) {
                sound = openAudio(ready.get());
            }
        }
        // A source that failed before the video opened still gets its (silent) stream: whether a
        // video has sound is decided by what was asked for, not by when a mix failed.
        boolean withAudio = audio != null;
        Candidates candidates = candidates(encoders, NvencProbe.shared());
        List<String> skipped = new ArrayList<>(candidates.skipped());
        for (String encoder : candidates.toTry()) {
            FFmpegFrameRecorder recorder =
                    new FFmpegFrameRecorder(
                            file.toFile(), width, height, withAudio ? AUDIO_CHANNELS : 0);
            recorder.setFormat("mp4");
            recorder.setVideoCodecName(encoder);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize(2 * fps);
            recorder.setVideoBitrate(0);
            recorder.setOption("movflags", "+faststart");
            if (withAudio) {
                recorder.setAudioCodec(AV_CODEC_ID_AAC);
                recorder.setSampleRate(AUDIO_SAMPLE_RATE);
                recorder.setAudioChannels(AUDIO_CHANNELS);
                recorder.setAudioBitrate(AUDIO_BITRATE);
            }
            if (encoder.equals(NVENC)) {
                recorder.setVideoOption("preset", NVENC_PRESET);
                recorder.setVideoOption("rc", "vbr");
                recorder.setVideoOption("cq", Integer.toString(config.crf()));
            } else {
                recorder.setVideoOption("preset", config.x264Preset());
                if (!config.x264Params().isEmpty()) {
                    recorder.setVideoOption("x264-params", config.x264Params());
                }
                recorder.setVideoOption("crf", Integer.toString(config.crf()));
                recorder.setVideoOption("threads", Integer.toString(config.encoderThreads()));
            }
            try {
                recorder.start();
                return new VideoWriter(
                        recorder, sound, withAudio ? audio : null, encoder, skipped, fps);
            } catch (FrameRecorder.Exception | RuntimeException e) {
                release(recorder);
                skipped.add(encoder + " unavailable: " + e.getMessage());
            }
        }
        closeQuietly(sound);
        throw new IOException("no usable H.264 encoder: " + String.join("; ", skipped));
    }

    private static FFmpegFrameGrabber openAudio(Path file) throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
            if (!grabber.hasAudio()) {
                throw new IOException("audio file " + file.getFileName() + " has no audio stream");
            }
            return grabber;
        } catch (IOException e) {
            closeQuietly(grabber);
            throw new IOException(
                    "cannot read audio " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Encodes the canvas as the next frame; it must have the size the writer was opened with. */
    public void write(Canvas canvas) throws IOException {
        byte[] pixels = canvas.data();
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
                    1,
                    canvas.width(),
                    AV_PIX_FMT_YUV420P,
                    buffer);
            frames++;
        } catch (FrameRecorder.Exception e) {
            throw new IOException("encoding frame " + frames + " failed: " + e.getMessage(), e);
        }
        writeAudioUntil(frames * 1_000_000L / fps, false);
    }

    /**
     * Interleaves the audio up to {@code micros}, so the muxer never buffers much of either; while
     * the sound is still being made, only once the video is far enough ahead or {@code wait}.
     */
    private void writeAudioUntil(long micros, boolean wait) throws IOException {
        if (audioEnded || (audio == null && pendingAudio == null)) {
            return;
        }
        if (audio == null && audioProblem == null) {
            if (!pendingAudio.ready() && !wait && micros < AUDIO_WAIT_FROM_MICROS) {
                return;
            }
            long start = System.nanoTime();
            Optional<Path> file = pendingAudio.await();
            audioWaitNanos += System.nanoTime() - start;
            if (file.isEmpty()) {
                audioProblem = "no soundtrack was made";
            } else {
                try {
                    audio = openAudio(file.get());
                } catch (IOException e) {
                    audioProblem = e.getMessage();
                }
            }
        }
        if (audio == null) {
            writeSilenceUntil(micros);
            return;
        }
        try {
            while (audio.getTimestamp() < micros) {
                Frame samples = audio.grabSamples();
                if (samples == null) {
                    audioEnded = true;
                    return;
                }
                recorder.record(samples);
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException("writing audio failed: " + e.getMessage(), e);
        }
    }

    /** Silence in place of a soundtrack that could not be read, so the stream still has sound. */
    private void writeSilenceUntil(long micros) throws IOException {
        if (silence == null) {
            silence = ShortBuffer.allocate(SILENCE_CHUNK * AUDIO_CHANNELS);
        }
        try {
            while (silentSamples * 1_000_000L / AUDIO_SAMPLE_RATE < micros) {
                silence.clear();
                recorder.recordSamples(AUDIO_SAMPLE_RATE, AUDIO_CHANNELS, silence);
                silentSamples += SILENCE_CHUNK;
            }
        } catch (FrameRecorder.Exception e) {
            throw new IOException("writing audio failed: " + e.getMessage(), e);
        }
    }

    /**
     * Why the audio stream is silent when a soundtrack still being made could not be read; null
     * when it was read (or there is no audio stream).
     */
    public String audioProblem() {
        return audioProblem;
    }

    /** How long the writer waited for a soundtrack still being made. */
    public long audioWaitMillis() {
        return audioWaitNanos / 1_000_000;
    }

    /** Flushes the encoder and writes the MP4 index (moved to the front for streaming). */
    public void finish() throws IOException {
        // A short video may end before a soundtrack still being made was read at all.
        writeAudioUntil(frames * 1_000_000L / fps, true);
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
        closeQuietly(audio);
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception | RuntimeException e) {
            // Only frees native memory; the render outcome is already decided.
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        if (grabber == null) {
            return;
        }
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Only frees native memory.
        }
    }
}
