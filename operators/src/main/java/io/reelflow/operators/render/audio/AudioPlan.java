package io.reelflow.operators.render.audio;

import java.nio.file.Path;

/**
 * What the {@link AudioMixer} should make: a track exactly as long as the video, from an optional
 * music bed and an optional narration. Start from {@link #of(double)} and add what you have:
 *
 * <pre>{@code
 * AudioPlan plan = AudioPlan.of(31.2).withMusic(musicFile).withNarration(voiceFile);
 * }</pre>
 *
 * <p>Fades longer than a third of the duration are shortened to a third, so a short video still has
 * an audible middle.
 *
 * @param durationSeconds the exact length of the video; the track is cut or padded to it
 * @param musicFile the music bed, looped when shorter than the video; {@code null} for none
 * @param narrationFile the narration, padded with silence or cut at the end; {@code null} for none
 * @param musicVolumeDb gain on the music relative to its own level, before loudness normalisation
 * @param duckingDb further gain on the music while narration is heard (negative)
 * @param fadeInSeconds fade from silence at the start
 * @param fadeOutSeconds fade to silence at the end
 * @param targetLufs integrated loudness of the result (EBU R128), e.g. -16 for web video
 * @param truePeakDbtp highest true peak the normalisation may produce
 */
public record AudioPlan(
        double durationSeconds,
        Path musicFile,
        Path narrationFile,
        double musicVolumeDb,
        double duckingDb,
        double fadeInSeconds,
        double fadeOutSeconds,
        double targetLufs,
        double truePeakDbtp) {

    public static final double DEFAULT_MUSIC_VOLUME_DB = -6.0;
    public static final double DEFAULT_DUCKING_DB = -12.0;
    public static final double DEFAULT_FADE_IN_SECONDS = 1.0;
    public static final double DEFAULT_FADE_OUT_SECONDS = 2.0;
    public static final double DEFAULT_TARGET_LUFS = -16.0;
    public static final double DEFAULT_TRUE_PEAK_DBTP = -1.5;

    /** Longest track a plan may ask for (a day); guards against a duration given in ms. */
    public static final double MAX_DURATION_SECONDS = 86_400;

    public AudioPlan {
        if (!(durationSeconds > 0 && durationSeconds <= MAX_DURATION_SECONDS)) {
            throw new IllegalArgumentException(
                    "durationSeconds must be within (0, "
                            + MAX_DURATION_SECONDS
                            + "], was "
                            + durationSeconds);
        }
        requireWithin("musicVolumeDb", musicVolumeDb, -60, 20);
        requireWithin("duckingDb", duckingDb, -40, 0);
        requireWithin("fadeInSeconds", fadeInSeconds, 0, MAX_DURATION_SECONDS);
        requireWithin("fadeOutSeconds", fadeOutSeconds, 0, MAX_DURATION_SECONDS);
        // The ranges FFmpeg's loudnorm filter accepts.
        requireWithin("targetLufs", targetLufs, -70, -5);
        requireWithin("truePeakDbtp", truePeakDbtp, -9, 0);
        fadeInSeconds = Math.min(fadeInSeconds, durationSeconds / 3);
        fadeOutSeconds = Math.min(fadeOutSeconds, durationSeconds / 3);
    }

    /** A plan with no inputs (a silent track) and the default levels and fades. */
    public static AudioPlan of(double durationSeconds) {
        return new AudioPlan(
                durationSeconds,
                null,
                null,
                DEFAULT_MUSIC_VOLUME_DB,
                DEFAULT_DUCKING_DB,
                DEFAULT_FADE_IN_SECONDS,
                DEFAULT_FADE_OUT_SECONDS,
                DEFAULT_TARGET_LUFS,
                DEFAULT_TRUE_PEAK_DBTP);
    }

    public boolean hasMusic() {
        return musicFile != null;
    }

    public boolean hasNarration() {
        return narrationFile != null;
    }

    public AudioPlan withMusic(Path file) {
        return new AudioPlan(
                durationSeconds,
                file,
                narrationFile,
                musicVolumeDb,
                duckingDb,
                fadeInSeconds,
                fadeOutSeconds,
                targetLufs,
                truePeakDbtp);
    }

    public AudioPlan withNarration(Path file) {
        return new AudioPlan(
                durationSeconds,
                musicFile,
                file,
                musicVolumeDb,
                duckingDb,
                fadeInSeconds,
                fadeOutSeconds,
                targetLufs,
                truePeakDbtp);
    }

    public AudioPlan withMusicVolumeDb(double db) {
        return new AudioPlan(
                durationSeconds,
                musicFile,
                narrationFile,
                db,
                duckingDb,
                fadeInSeconds,
                fadeOutSeconds,
                targetLufs,
                truePeakDbtp);
    }

    public AudioPlan withDuckingDb(double db) {
        return new AudioPlan(
                durationSeconds,
                musicFile,
                narrationFile,
                musicVolumeDb,
                db,
                fadeInSeconds,
                fadeOutSeconds,
                targetLufs,
                truePeakDbtp);
    }

    public AudioPlan withFades(double inSeconds, double outSeconds) {
        return new AudioPlan(
                durationSeconds,
                musicFile,
                narrationFile,
                musicVolumeDb,
                duckingDb,
                inSeconds,
                outSeconds,
                targetLufs,
                truePeakDbtp);
    }

    public AudioPlan withLoudness(double lufs, double peakDbtp) {
        return new AudioPlan(
                durationSeconds,
                musicFile,
                narrationFile,
                musicVolumeDb,
                duckingDb,
                fadeInSeconds,
                fadeOutSeconds,
                lufs,
                peakDbtp);
    }

    private static void requireWithin(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be within [" + min + ", " + max + "], was " + value);
        }
    }
}
