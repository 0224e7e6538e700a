package io.reelflow.sidecar;

import io.reelflow.sidecar.internal.Wav;
import java.time.Duration;
import java.util.Objects;

/**
 * Mono 16-bit speech as {@link SpeechEngine} made it.
 *
 * @param pcm signed 16-bit little-endian samples, one channel
 * @param sampleRate samples per second ({@value SpeechEngine#SAMPLE_RATE} for espeak-ng)
 */
public record SpeechAudio(byte[] pcm, int sampleRate) {

    public SpeechAudio {
        Objects.requireNonNull(pcm, "pcm");
        if (pcm.length % 2 != 0) {
            throw new IllegalArgumentException("16-bit PCM has an even length, not " + pcm.length);
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        }
    }

    public int samples() {
        return pcm.length / 2;
    }

    public Duration duration() {
        return Duration.ofNanos(samples() * 1_000_000_000L / sampleRate);
    }

    /** The sample at {@code index}, -32768..32767. */
    public short sample(int index) {
        return (short) ((pcm[2 * index] & 0xff) | (pcm[2 * index + 1] << 8));
    }

    /** The same speech louder or softer, clipped at full scale, as Kokoro's volume_multiplier. */
    public SpeechAudio scaled(double gain) {
        if (gain == 1.0) {
            return this;
        }
        byte[] scaled = new byte[pcm.length];
        for (int i = 0; i < samples(); i++) {
            long value = Math.round(sample(i) * gain);
            int clipped = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
            scaled[2 * i] = (byte) clipped;
            scaled[2 * i + 1] = (byte) (clipped >> 8);
        }
        return new SpeechAudio(scaled, sampleRate);
    }

    /** A canonical 44-byte-header RIFF WAV file of the samples. */
    public byte[] wav() {
        return Wav.write(this);
    }
}
