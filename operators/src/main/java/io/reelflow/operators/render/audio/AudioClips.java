package io.reelflow.operators.render.audio;

import io.reelflow.operators.render.audio.internal.MixPass;
import io.reelflow.operators.render.audio.internal.WavWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacv.Frame;

/**
 * Short audio files (speech) measured and laid out on a timeline, decoded by FFmpeg like the mix's
 * inputs, so any format a server answers (WAV with a streaming header, MP3, …) works. Times are in
 * sample frames at {@link #SAMPLE_RATE}, which divides into whole frames at 24, 25 and 30 fps, so
 * pieces placed on frame boundaries start exactly there. Blocking.
 *
 * <pre>{@code
 * long length = AudioClips.samples(piece);
 * AudioClips.place(List.of(new AudioClips.Placement(piece, 24_000)), 480_000, dir.resolve("track.wav"));
 * }</pre>
 */
public final class AudioClips {

    /** The rate of every measure and of the tracks written: the mix's own. */
    public static final int SAMPLE_RATE = AudioMixer.SAMPLE_RATE;

    private static final int CHUNK = 4096;

    private AudioClips() {}

    /**
     * One file's audio starting at {@code offsetSamples}.
     *
     * @param file any audio file FFmpeg decodes
     * @param offsetSamples where it starts, in sample frames at {@link #SAMPLE_RATE}
     */
    public record Placement(Path file, long offsetSamples) {}

    /**
     * How long {@code file} plays, in sample frames at {@link #SAMPLE_RATE}.
     *
     * @throws IOException when the file has no decodable audio or fails to decode part-way
     */
    public static long samples(Path file) throws IOException {
        try (AudioInput input = AudioInput.open("speech", file, false, SAMPLE_RATE)) {
            while (input.next() != null) {
                // counting is all
            }
            if (input.error() != null) {
                throw new IOException("speech audio is broken: " + input.error());
            }
            return input.samplesRead();
        }
    }

    /**
     * The integrated loudness (EBU R128, LUFS) of {@code file} between two times, as FFmpeg's
     * {@code ebur128} measures it; {@code -70} or lower for silence. Windows shorter than 0.4 s
     * have no gating block and measure as silence. Decoding stops with the frame that reaches
     * {@code toSeconds} (up to about 20 ms more are measured): an {@code atrim} end would close the
     * graph while frames are still pushed.
     *
     * @throws IOException when the file cannot be decoded
     */
    public static double loudnessLufs(Path file, double fromSeconds, double toSeconds)
            throws IOException {
        String graph =
                String.format(
                        Locale.ROOT,
                        "[in]atrim=start=%.6f,asetpts=N/SR/TB,ebur128=peak=true:metadata=1[out]",
                        fromSeconds);
        long until = (long) Math.ceil(toSeconds * SAMPLE_RATE);
        try (AudioInput input = AudioInput.open("measured", file, false, SAMPLE_RATE)) {
            return MixPass.run(List.of(input), graph, until, SAMPLE_RATE, frame -> {})
                    .loudness()
                    .integratedLufs();
        }
    }

    /**
     * Writes a mono 16-bit WAV of exactly {@code totalSamples} at {@link #SAMPLE_RATE}: silence,
     * with each placement's audio (mixed down to mono) from its offset. A piece that would overlap
     * the next is cut where the next starts, and everything ends at {@code totalSamples}.
     *
     * @throws IOException when a piece cannot be decoded or the file cannot be written
     */
    public static void place(List<Placement> placements, long totalSamples, Path output)
            throws IOException {
        List<Placement> ordered = new ArrayList<>(placements);
        ordered.sort(Comparator.comparingLong(Placement::offsetSamples));
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (WavWriter writer = WavWriter.open(output, SAMPLE_RATE, 1)) {
            Out out = new Out(writer);
            for (int i = 0; i < ordered.size(); i++) {
                Placement piece = ordered.get(i);
                long end =
                        i + 1 < ordered.size()
                                ? Math.min(totalSamples, ordered.get(i + 1).offsetSamples())
                                : totalSamples;
                out.silenceUntil(Math.min(piece.offsetSamples(), totalSamples));
                out.copy(piece.file(), end);
            }
            out.silenceUntil(totalSamples);
            out.flush();
            writer.finish();
        }
    }

    /** The track being written: a position and a buffer of mono samples. */
    private static final class Out {
        private final WavWriter writer;
        private final ShortBuffer buffer =
                ByteBuffer.allocateDirect(CHUNK * Short.BYTES)
                        .order(ByteOrder.nativeOrder())
                        .asShortBuffer();
        private long position;

        Out(WavWriter writer) {
            this.writer = writer;
        }

        void silenceUntil(long end) throws IOException {
            while (position < end) {
                put((short) 0);
            }
        }

        void copy(Path file, long end) throws IOException {
            try (AudioInput input = AudioInput.open("speech", file, false, SAMPLE_RATE)) {
                for (Frame frame = input.next();
                        frame != null && position < end;
                        frame = input.next()) {
                    FloatBuffer samples = (FloatBuffer) frame.samples[0];
                    int channels = frame.audioChannels;
                    int count = AudioInput.samples(frame);
                    int base = samples.position();
                    for (int s = 0; s < count && position < end; s++) {
                        float sum = 0;
                        for (int c = 0; c < channels; c++) {
                            sum += samples.get(base + s * channels + c);
                        }
                        float mono = Math.max(-1f, Math.min(1f, sum / channels));
                        put((short) Math.round(mono * Short.MAX_VALUE));
                    }
                }
                if (input.error() != null) {
                    throw new IOException("speech audio is broken: " + input.error());
                }
            }
        }

        private void put(short sample) throws IOException {
            buffer.put(sample);
            position++;
            if (!buffer.hasRemaining()) {
                flush();
            }
        }

        void flush() throws IOException {
            if (buffer.position() == 0) {
                return;
            }
            buffer.flip();
            writer.write(buffer);
            buffer.clear();
        }
    }
}
