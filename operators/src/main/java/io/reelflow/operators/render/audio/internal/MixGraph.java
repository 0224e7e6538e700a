package io.reelflow.operators.render.audio.internal;

import io.reelflow.operators.render.audio.AudioPlan;
import io.reelflow.operators.render.audio.Loudness;
import java.util.List;
import java.util.Locale;

/**
 * Writes the FFmpeg filter graphs of a mix. Inputs arrive as 48 kHz stereo; each is padded with
 * silence and cut to the exact length ({@code apad}, {@code atrim}), the music is ducked under the
 * narration by a sidechain compressor, the sum is faded at both ends, then either measured ({@code
 * ebur128}) or normalised to the target loudness ({@code loudnorm}) and measured again.
 */
public final class MixGraph {

    /** What an input is for; it decides the input's place in the graph. */
    public enum Role {
        MUSIC,
        NARRATION
    }

    /** The loudness range loudnorm may keep: a ducked bed under speech is allowed to vary. */
    static final double KEPT_LOUDNESS_RANGE_LU = 50;

    /**
     * Compressor threshold on the narration: ~-46 dBFS, above room tone and below quiet speech, so
     * the amount of ducking depends little on how loud the narration was recorded.
     */
    private static final double DUCK_THRESHOLD = 0.005;

    /**
     * Loudness only: the true peak is measured on the graph's output in Java ({@code MixPass}),
     * which reads the same loudness for far less CPU than {@code peak=true}'s 4x oversampling.
     */
    private static final String METER = "ebur128=metadata=1";

    private final AudioPlan plan;
    private final List<Role> roles;
    private final long totalSamples;
    private final int sampleRate;

    /**
     * @param roles the graph's inputs in push order: input {@code i} is fed by the i-th role
     */
    public MixGraph(AudioPlan plan, List<Role> roles, long totalSamples, int sampleRate) {
        if (roles.isEmpty()
                || roles.size() > 2
                || roles.stream().distinct().count() != roles.size()) {
            throw new IllegalArgumentException(
                    "a mix has one music and/or one narration, was " + roles);
        }
        this.plan = plan;
        this.roles = List.copyOf(roles);
        this.totalSamples = totalSamples;
        this.sampleRate = sampleRate;
    }

    /** The first pass: the mix, measured; its output is thrown away. */
    public String measuring() {
        return mix() + "," + METER + output();
    }

    /**
     * The second pass: the mix with the gain that brings {@code measured} to the target. With peaks
     * that allow it, loudnorm applies one constant gain (linear mode); otherwise it falls back to
     * its dynamic mode, which limits peaks, and the second measurement shows the result.
     */
    public String normalising(Loudness measured) {
        String normalise;
        if (measured.silent()) {
            normalise = "anull";
        } else if (!linearGain(measured)) {
            // loudnorm's own fallback (dynamic mode, a 3 s look-ahead at 192 kHz) passed only its
            // first buffer through this push-and-pull graph and silence after (a narrated video
            // lost
            // its speech after 2.8 s): one gain, then a limiter holding the peaks half a dB under
            // the limit, with its delay compensated.
            normalise =
                    String.format(
                            Locale.ROOT,
                            "volume=%.2fdB,alimiter=limit=%.4f:attack=5:release=50:level=false"
                                    + ":latency=true",
                            plan.targetLufs() - measured.integratedLufs(),
                            Math.pow(10, (plan.truePeakDbtp() - 0.5) / 20));
        } else {
            normalise =
                    String.format(
                            Locale.ROOT,
                            "loudnorm=I=%.2f:TP=%.2f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f"
                                    + ":measured_LRA=%.2f:measured_thresh=%.2f:linear=true"
                                    + ":print_format=none",
                            plan.targetLufs(),
                            plan.truePeakDbtp(),
                            KEPT_LOUDNESS_RANGE_LU,
                            clamp(measured.integratedLufs(), -99, -0.01),
                            clamp(measured.truePeakDbtp(), -99, 99),
                            // loudnorm takes a range of exactly 0 as "not measured".
                            clamp(measured.rangeLu(), 0.01, 99),
                            // The relative gate; loudnorm only checks that it was given.
                            clamp(measured.integratedLufs() - 10, -99, -0.01));
        }
        return mix()
                + ","
                + normalise
                + String.format(
                        Locale.ROOT,
                        ",aresample=%d,%s,aformat=sample_fmts=s16:sample_rates=%d"
                                + ":channel_layouts=stereo,%s,aformat=sample_fmts=s16",
                        sampleRate,
                        exactLength(),
                        sampleRate,
                        METER)
                + output();
    }

    /**
     * True when loudnorm will apply one constant gain: the gained peaks stay under the limit and
     * the range is within what it keeps (the same test loudnorm makes).
     */
    public boolean linearGain(Loudness measured) {
        double gain = plan.targetLufs() - measured.integratedLufs();
        return !measured.silent()
                && measured.truePeakDbtp() + gain <= plan.truePeakDbtp()
                && measured.rangeLu() <= KEPT_LOUDNESS_RANGE_LU;
    }

    /** The mixed, faded signal up to (not including) measuring or normalising. */
    String mix() {
        StringBuilder graph = new StringBuilder();
        int music = roles.indexOf(Role.MUSIC);
        int narration = roles.indexOf(Role.NARRATION);
        String musicChain = exactLength() + "," + volume(plan.musicVolumeDb());
        if (music >= 0 && narration >= 0) {
            graph.append(input(music)).append(musicChain).append("[music];");
            graph.append(input(narration)).append(exactLength()).append(",asplit=2[voice][key];");
            // mix: the compressed share; the rest passes unducked, so the ducking depth is capped.
            graph.append(
                    String.format(
                            Locale.ROOT,
                            "[music][key]sidechaincompress=threshold=%.4f:ratio=20:attack=20"
                                    + ":release=400:mix=%.4f[bed];",
                            DUCK_THRESHOLD,
                            1 - Math.pow(10, plan.duckingDb() / 20)));
            graph.append("[bed][voice]amix=inputs=2:duration=longest:normalize=0");
        } else if (music >= 0) {
            graph.append(input(music)).append(musicChain);
        } else {
            graph.append(input(narration)).append(exactLength());
        }
        graph.append(fades());
        return graph.toString();
    }

    private String input(int index) {
        return roles.size() > 1 ? "[" + index + ":a]" : "[in]";
    }

    /** The sink's label as JavaCV's FFmpegFrameFilter names it. */
    private String output() {
        return roles.size() > 1 ? "[a]" : "[out]";
    }

    private String exactLength() {
        return "apad=whole_len=" + totalSamples + ",atrim=end_sample=" + totalSamples;
    }

    private String fades() {
        StringBuilder fades = new StringBuilder();
        long in = Math.round(plan.fadeInSeconds() * sampleRate);
        long out = Math.round(plan.fadeOutSeconds() * sampleRate);
        if (in > 0) {
            fades.append(",afade=t=in:ss=0:ns=").append(in);
        }
        if (out > 0) {
            fades.append(",afade=t=out:ss=").append(totalSamples - out).append(":ns=").append(out);
        }
        return fades.toString();
    }

    private static String volume(double db) {
        return String.format(Locale.ROOT, "volume=%.2fdB", db);
    }

    private static double clamp(double value, double min, double max) {
        if (Double.isNaN(value)) {
            return min;
        }
        return Math.max(min, Math.min(max, value));
    }
}
