package io.reelflow.sidecar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * What a test learns about speech by decoding it with a decoder other than the sidecar's own: the
 * JDK's for WAV, FFmpeg for the compressed formats.
 *
 * @param codec the decoder's name for the audio ({@code PCM_SIGNED} for WAV)
 * @param samples mono samples, -32768..32767
 */
record SpeechProbe(String codec, int sampleRate, int channels, short[] samples) {

    /** Decodes a WAV file with {@code javax.sound.sampled}. */
    static SpeechProbe ofWav(byte[] wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = in.getFormat();
            byte[] bytes = in.readAllBytes();
            boolean bigEndian = format.isBigEndian();
            short[] samples = new short[bytes.length / 2];
            for (int i = 0; i < samples.length; i++) {
                int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
                int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
                samples[i] = (short) ((hi << 8) | lo);
            }
            return new SpeechProbe(
                    format.getEncoding().toString(),
                    (int) format.getSampleRate(),
                    format.getChannels(),
                    samples);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a WAV file", e);
        }
    }

    /** Decodes any file FFmpeg reads (first channel only). */
    static SpeechProbe ofFile(Path dir, String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setSampleFormat(org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            short[] all = new short[0];
            int count = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer buffer = (ShortBuffer) frame.samples[0];
                int channels = frame.audioChannels;
                int frames = buffer.remaining() / channels;
                if (count + frames > all.length) {
                    all = Arrays.copyOf(all, Math.max(2 * all.length, count + frames));
                }
                for (int i = 0; i < frames; i++) {
                    all[count++] = buffer.get(buffer.position() + i * channels);
                }
            }
            SpeechProbe probe =
                    new SpeechProbe(
                            grabber.getAudioCodecName(),
                            grabber.getSampleRate(),
                            grabber.getAudioChannels(),
                            Arrays.copyOf(all, count));
            grabber.stop();
            return probe;
        }
    }

    double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** Root mean square, as a fraction of full scale. */
    double rms() {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length) / 32768.0;
    }

    /** The largest absolute sample, as a fraction of full scale. */
    double peak() {
        int peak = 0;
        for (short sample : samples) {
            peak = Math.max(peak, Math.abs((int) sample));
        }
        return peak / 32768.0;
    }
}
