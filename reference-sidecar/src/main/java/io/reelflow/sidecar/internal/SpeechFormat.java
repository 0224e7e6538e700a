package io.reelflow.sidecar.internal;

import io.reelflow.sidecar.SpeechAudio;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * The {@code response_format}s of {@code POST /v1/audio/speech} with Kokoro-FastAPI's content types
 * ({@code api/src/routers/openai_compatible.py}) and containers ({@code
 * api/src/services/streaming_audio_writer.py}: Ogg for opus, ADTS for aac, 128 kbit/s for the lossy
 * ones). {@code wav} and {@code pcm} are written directly; the others are encoded with FFmpeg.
 */
public enum SpeechFormat {
    MP3("audio/mpeg", "mp3", "libmp3lame", 0),
    OPUS("audio/opus", "ogg", "libopus", 48_000),
    AAC("audio/aac", "adts", "aac", 0),
    FLAC("audio/flac", "flac", "flac", 0),
    WAV("audio/wav", null, null, 0),
    PCM("audio/pcm", null, null, 0);

    private static final int LOSSY_BIT_RATE = 128_000;
    private static final int CHUNK_SAMPLES = 1024;

    static {
        if (avutil.av_log_get_level() > avutil.AV_LOG_WARNING) {
            avutil.av_log_set_level(avutil.AV_LOG_WARNING);
        }
    }

    private final String contentType;
    private final String container;
    private final String codec;
    private final int encoderSampleRate;

    SpeechFormat(String contentType, String container, String codec, int encoderSampleRate) {
        this.contentType = contentType;
        this.container = container;
        this.codec = codec;
        this.encoderSampleRate = encoderSampleRate;
    }

    /** The format for a {@code response_format} value (exact, lower case), if it is one. */
    public static Optional<SpeechFormat> of(String value) {
        return Arrays.stream(values()).filter(f -> f.optionValue().equals(value)).findFirst();
    }

    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String contentType() {
        return contentType;
    }

    /** The audio as this format's file; {@code scratch} holds the encoder's temporary file. */
    public byte[] encode(SpeechAudio audio, Path scratch) throws IOException {
        return switch (this) {
            case WAV -> audio.wav();
            case PCM -> audio.pcm();
            default -> encodeWithFfmpeg(audio, scratch);
        };
    }

    private byte[] encodeWithFfmpeg(SpeechAudio audio, Path scratch) throws IOException {
        Path file = Files.createTempFile(scratch, "speech-", "." + optionValue());
        try {
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
                recorder.setFormat(container);
                recorder.setAudioCodecName(codec);
                recorder.setAudioChannels(1);
                recorder.setSampleRate(
                        encoderSampleRate == 0 ? audio.sampleRate() : encoderSampleRate);
                if (this != FLAC) {
                    recorder.setAudioBitrate(LOSSY_BIT_RATE);
                }
                recorder.start();
                // Fed in frame-sized pieces of a plain buffer, as the renderer feeds it: a whole
                // utterance at once, through a byte-order view, crashed libswresample.
                ShortBuffer samples =
                        ByteBuffer.wrap(audio.pcm()).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                ShortBuffer chunk = ShortBuffer.allocate(CHUNK_SAMPLES);
                while (samples.hasRemaining()) {
                    chunk.clear();
                    while (chunk.hasRemaining() && samples.hasRemaining()) {
                        chunk.put(samples.get());
                    }
                    chunk.flip();
                    recorder.recordSamples(audio.sampleRate(), 1, chunk);
                }
                recorder.stop();
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
