package io.reelflow.operators.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * One audio file decoded frame by frame and converted by FFmpeg to interleaved float stereo at the
 * mix rate, optionally starting over at its end. A decode error part-way ends the input (the graph
 * pads it with silence) and is remembered for the notes, instead of failing the mix. Shared by the
 * mixer and by quality scoring, which decodes a finished video's sound with it.
 */
public final class AudioInput implements AutoCloseable {

    /** The message of the {@link IOException} {@link #open} throws for a file without sound. */
    public static final String NO_AUDIO_STREAM = "no audio stream";

    private final String name;
    private final FFmpegFrameGrabber grabber;
    private final boolean loop;
    private final int sampleRate;

    /** The first decoded frame, kept from {@link #open} until the first {@link #next}. */
    private Frame pending;

    private long samplesThisPlay;
    private long samplesRead;
    private long firstPlaySamples = -1;
    private int restarts;
    private String error;

    private AudioInput(String name, FFmpegFrameGrabber grabber, boolean loop, int sampleRate) {
        this.name = name;
        this.grabber = grabber;
        this.loop = loop;
        this.sampleRate = sampleRate;
    }

    /**
     * Opens {@code file} and decodes its first audio, so an unusable file is refused here.
     *
     * @param name what the input is, for notes (e.g. {@code music})
     * @param loop whether to start over at the end of the file
     * @throws IOException saying why the file cannot be used
     */
    public static AudioInput open(String name, Path file, boolean loop, int sampleRate)
            throws IOException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setSampleRate(sampleRate);
        grabber.setAudioChannels(2);
        // Interleaved: JavaCV's converter mis-sizes planar output when the channel count changes.
        grabber.setSampleFormat(AV_SAMPLE_FMT_FLT);
        AudioInput input = new AudioInput(name, grabber, loop, sampleRate);
        boolean ready = false;
        try {
            grabber.start();
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
                throw new IOException(NO_AUDIO_STREAM);
            }
            input.pending = input.grab();
            if (input.pending == null) {
                throw new IOException(
                        input.error != null ? input.error : "no decodable audio samples");
            }
            ready = true;
            return input;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new IOException("cannot decode audio: " + e.getMessage(), e);
        } finally {
            if (!ready) {
                closeQuietly(grabber);
            }
        }
    }

    /**
     * The next frame of interleaved stereo floats (valid until the following call), or {@code null}
     * when the input has ended.
     */
    public Frame next() {
        if (pending != null) {
            Frame frame = pending;
            pending = null;
            return count(frame);
        }
        Frame frame = grab();
        if (frame == null && error == null && firstPlaySamples < 0) {
            firstPlaySamples = samplesThisPlay;
        }
        if (frame == null && loop && error == null && samplesThisPlay > 0) {
            try {
                grabber.restart();
                restarts++;
                samplesThisPlay = 0;
                frame = grab();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                error = "cannot start over: " + e.getMessage();
            }
        }
        return frame == null ? null : count(frame);
    }

    private Frame count(Frame frame) {
        int samples = samples(frame);
        samplesThisPlay += samples;
        samplesRead += samples;
        return frame;
    }

    /** The next non-empty frame of the file, or {@code null} at its end or on a decode error. */
    private Frame grab() {
        try {
            Frame frame;
            do {
                frame = grabber.grabSamples();
            } while (frame != null && samples(frame) == 0);
            return frame;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            error =
                    String.format(
                            Locale.ROOT,
                            "decode error at %.1f s (%s)",
                            samplesThisPlay / (double) sampleRate,
                            e.getMessage());
            return null;
        }
    }

    /** Sample frames (per channel) in a frame from this input. */
    public static int samples(Frame frame) {
        if (frame.samples == null || frame.samples.length == 0 || frame.audioChannels <= 0) {
            return 0;
        }
        int perPlane = frame.samples[0].remaining();
        return frame.samples.length > 1 ? perPlane : perPlane / frame.audioChannels;
    }

    public String name() {
        return name;
    }

    /** Sample frames handed out by {@link #next}, over all plays. */
    public long samplesRead() {
        return samplesRead;
    }

    /** How often the file was started over. */
    public int restarts() {
        return restarts;
    }

    /** Seconds of one play of the file, or a negative number while its end was not reached. */
    public double trackSeconds() {
        return firstPlaySamples < 0 ? -1 : firstPlaySamples / (double) sampleRate;
    }

    /** Why the input ended early, or {@code null}. */
    public String error() {
        return error;
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Releasing native decoder memory; nothing useful to do when that fails.
        }
    }
}
