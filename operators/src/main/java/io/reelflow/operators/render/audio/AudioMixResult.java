package io.reelflow.operators.render.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link AudioMixer} wrote and measured.
 *
 * @param file the WAV file: PCM s16le, {@value AudioMixer#SAMPLE_RATE} Hz, stereo
 * @param samplesWritten sample frames (per channel) in the file
 * @param integratedLufs integrated loudness of the file as written (EBU R128), or negative infinity
 *     for a silent track
 * @param truePeakDbtp highest true peak of the file as written, or negative infinity when silent
 * @param maxBufferedSeconds the most audio that was inside the mixer at once (decoded but not yet
 *     written); it stays a few seconds at most because tracks stream through
 * @param notes what the mixer decided, e.g. {@code music looped 3x} or a dropped input
 * @param musicMixed whether the music bed made it into the mix (false when it was dropped), so
 *     callers credit only music that is heard
 */
public record AudioMixResult(
        Path file,
        long samplesWritten,
        double integratedLufs,
        double truePeakDbtp,
        double maxBufferedSeconds,
        List<String> notes,
        boolean musicMixed) {

    public AudioMixResult {
        Objects.requireNonNull(file, "file");
        notes = List.copyOf(notes);
    }

    /** Length of the written track. */
    public double durationSeconds() {
        return samplesWritten / (double) AudioMixer.SAMPLE_RATE;
    }

    /** True when no input was usable and the track is digital silence. */
    public boolean silent() {
        return integratedLufs == Double.NEGATIVE_INFINITY;
    }
}
