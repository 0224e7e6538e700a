package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.internal.MediaPass;
import io.reelflow.operators.quality.internal.SoundTrack;
import io.reelflow.operators.quality.internal.SpeechActivity;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.operators.render.audio.AudioInput;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SpokenSpan;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What viewers hear: integrated loudness and true peak against the mixer's target, silence (whole
 * video and per scene), clipping, and speech where narration was asked for, each judged against
 * {@link SoundThresholds}. The sound is decoded once and measured by FFmpeg's own filters ({@code
 * ebur128}, {@code silencedetect}, a speech band); see {@link SoundTrack} and {@link
 * SpeechActivity}. Thread-safe and blocking.
 *
 * <p>Sound is expected when the spec asks for music and the job has a music bed (or the job is not
 * known), or when it asks for narration. A video without an audio stream is then {@link #SILENT};
 * without sound expected it has no findings.
 */
public final class SoundAnalyzer implements QualityAnalyzer {

    public static final String LOUDNESS = "LOUDNESS";
    public static final String TRUE_PEAK = "TRUE_PEAK";
    public static final String SILENT = "SILENT";
    public static final String CLIPPED_AUDIO = "CLIPPED_AUDIO";
    public static final String NO_SPEECH = "NO_SPEECH";

    public static final String AUDIO_STREAM = "audioStream";
    public static final String INTEGRATED_LOUDNESS = "integratedLoudnessLufs";
    public static final String TRUE_PEAK_DBTP = "truePeakDbtp";
    public static final String SILENCE_SHARE = "silenceShare";
    public static final String CLIPPED_SHARE = "clippedShare";
    public static final String SPEECH_MODULATION = "speechModulation";

    private final SoundThresholds thresholds;

    public SoundAnalyzer() {
        this(SoundThresholds.defaults());
    }

    public SoundAnalyzer(SoundThresholds thresholds) {
        FfmpegLogging.install();
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    @Override
    public List<Finding> analyze(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        Expected expected = Expected.of(video);
        if (!expected.any()) {
            return List.of();
        }
        MediaListener hearing = new Hearing(video, expected);
        MediaPass pass = MediaPass.run(videoFile, List.of(hearing), cancellation);
        RuntimeException failure = pass.failureOf(hearing);
        if (failure != null) {
            throw failure;
        }
        return hearing.findings(pass.outcome());
    }

    /** Joins the scorer's single decode: the whole sound, measured as it is decoded. */
    @Override
    public MediaListener listen(RenderedVideo video) {
        Expected expected = Expected.of(video);
        if (!expected.any()) {
            return null;
        }
        return new Hearing(video, expected);
    }

    /** The sound of one video, measured frame by frame as the decode hands it over. */
    private final class Hearing implements MediaListener {
        private final RenderedVideo video;
        private final Expected expected;
        private final SoundTrack.Meter meter =
                new SoundTrack.Meter(
                        thresholds.silenceThresholdDb(),
                        thresholds.minSilenceSeconds(),
                        thresholds.clippingLevelDbfs());
        private String broken;

        Hearing(RenderedVideo video, Expected expected) {
            this.video = video;
            this.expected = expected;
        }

        @Override
        public Wants wants(Media media) {
            return new Wants(List.of(), 0, 0, List.of(), true);
        }

        @Override
        public void audio(
                int channels, int sampleRate, int sampleFormat, int samples, Buffer[] planes) {
            if (broken != null) {
                return;
            }
            try {
                meter.accept(channels, sampleRate, sampleFormat, samples, planes);
            } catch (IOException e) {
                broken = e.getMessage();
            }
        }

        @Override
        public List<Finding> findings(Outcome outcome) {
            try (meter) {
                if (outcome.media() == null) {
                    return unheard(expected, "cannot decode audio: " + outcome.failure());
                }
                if (!outcome.media().audio()) {
                    return unheard(expected, AudioInput.NO_AUDIO_STREAM);
                }
                if (broken != null) {
                    return unheard(expected, broken);
                }
                if (outcome.audioError() != null) {
                    return unheard(expected, "sound is broken: " + outcome.audioError());
                }
                try {
                    return judge(meter.finish(), video, expected);
                } catch (IOException e) {
                    return unheard(expected, e.getMessage());
                }
            }
        }
    }

    /** The finding for sound expected but not decodable ({@code why}). */
    private static List<Finding> unheard(Expected expected, String why) {
        String reason =
                AudioInput.NO_AUDIO_STREAM.equals(why)
                        ? "no audio stream although " + expected.what() + " was asked for"
                        : "the sound cannot be decoded: " + why;
        return List.of(Finding.failed(AUDIO_STREAM, Finding.WHOLE_VIDEO, 0, SILENT, reason));
    }

    private List<Finding> judge(SoundTrack track, RenderedVideo video, Expected expected) {
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.passed(AUDIO_STREAM, Finding.WHOLE_VIDEO, 1));
        double silence = track.silenceShare(0, track.durationSeconds());
        boolean silent = track.loudness().silent() || silence >= 1;
        findings.add(silenceFinding(Finding.WHOLE_VIDEO, silence, thresholds.maxSilenceShare()));
        if (!silent) {
            findings.add(loudness(track));
            findings.add(truePeak(track));
        }
        findings.add(clipping(track));
        List<SceneWindow> scenes = SceneWindow.of(video);
        for (SceneWindow scene : scenes) {
            List<SpokenSpan> spans = spokenSpans(scene);
            if (expected.music() || !spans.isEmpty()) {
                findings.add(
                        silenceFinding(
                                scene.index(),
                                track.silenceShare(scene.startSeconds(), scene.endSeconds()),
                                thresholds.maxSceneSilenceShare()));
            }
            if (!spans.isEmpty()) {
                findings.add(speech(track, scene.index(), spans));
            }
        }
        if (expected.narration() && scenes.stream().allMatch(s -> spokenSpans(s).isEmpty())) {
            findings.add(
                    speechOver(
                            Finding.WHOLE_VIDEO,
                            track.envelope(0, track.durationSeconds()),
                            expected.narrationMade()
                                    ? "no speech heard"
                                    : "narration was asked for but none was made"));
        }
        return findings;
    }

    private Finding loudness(SoundTrack track) {
        double lufs = track.loudness().integratedLufs();
        double off = Math.abs(lufs - thresholds.targetLufs());
        if (off <= thresholds.loudnessToleranceLu()) {
            return Finding.passed(INTEGRATED_LOUDNESS, Finding.WHOLE_VIDEO, lufs);
        }
        return Finding.failed(
                INTEGRATED_LOUDNESS,
                Finding.WHOLE_VIDEO,
                lufs,
                LOUDNESS,
                String.format(
                        Locale.ROOT,
                        "integrated loudness is %.1f LUFS, the target is %.1f ± %.1f LU (EBU R 128)",
                        lufs,
                        thresholds.targetLufs(),
                        thresholds.loudnessToleranceLu()));
    }

    private Finding truePeak(SoundTrack track) {
        double peak = track.loudness().truePeakDbtp();
        if (peak <= thresholds.maxTruePeakDbtp()) {
            return Finding.passed(TRUE_PEAK_DBTP, Finding.WHOLE_VIDEO, peak);
        }
        return Finding.failed(
                TRUE_PEAK_DBTP,
                Finding.WHOLE_VIDEO,
                peak,
                TRUE_PEAK,
                String.format(
                        Locale.ROOT,
                        "true peak is %.1f dBTP, at most %.1f dBTP is allowed",
                        peak,
                        thresholds.maxTruePeakDbtp()));
    }

    private Finding clipping(SoundTrack track) {
        double share = track.clippedShare();
        if (share <= thresholds.maxClippedShare()) {
            return Finding.passed(CLIPPED_SHARE, Finding.WHOLE_VIDEO, share);
        }
        return Finding.failed(
                CLIPPED_SHARE,
                Finding.WHOLE_VIDEO,
                share,
                CLIPPED_AUDIO,
                String.format(
                        Locale.ROOT,
                        "%s of the samples are clipped (at %.1f dBFS or above), at most %s is"
                                + " allowed",
                        percent(share),
                        thresholds.clippingLevelDbfs(),
                        percent(thresholds.maxClippedShare())));
    }

    private static Finding silenceFinding(int scene, double share, double max) {
        if (share <= max) {
            return Finding.passed(SILENCE_SHARE, scene, share);
        }
        return Finding.failed(
                SILENCE_SHARE,
                scene,
                share,
                SILENT,
                String.format(
                        Locale.ROOT,
                        "%s of the sound is silent, at most %s may be",
                        percent(share),
                        percent(max)));
    }

    /** Speech heard in the scene's spoken spans (their envelopes joined). */
    private Finding speech(SoundTrack track, int scene, List<SpokenSpan> spans) {
        float[] joined = new float[0];
        for (SpokenSpan span : spans) {
            float[] part = track.envelope(span.getStartSeconds(), span.getEndSeconds());
            int at = joined.length;
            joined = Arrays.copyOf(joined, at + part.length);
            System.arraycopy(part, 0, joined, at, part.length);
        }
        return speechOver(scene, joined, "no speech heard where the narration speaks");
    }

    private Finding speechOver(int scene, float[] envelope, String what) {
        double modulation = SpeechActivity.modulation(envelope);
        if (modulation >= thresholds.minSpeechModulation()) {
            return Finding.passed(SPEECH_MODULATION, scene, modulation);
        }
        return Finding.failed(
                SPEECH_MODULATION,
                scene,
                modulation,
                NO_SPEECH,
                String.format(
                        Locale.ROOT,
                        "%s (syllabic modulation %.2f, speech has %.2f or more)",
                        what,
                        modulation,
                        thresholds.minSpeechModulation()));
    }

    private static List<SpokenSpan> spokenSpans(SceneWindow scene) {
        return scene.clip() == null ? List.of() : scene.clip().getScene().getSpokenSpans();
    }

    private static String percent(double share) {
        return share < 0.01 && share > 0
                ? String.format(Locale.ROOT, "%.2f%%", share * 100)
                : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** What sound the request asked for and the job got. */
    private record Expected(boolean music, boolean narration, boolean narrationMade) {

        static Expected of(RenderedVideo video) {
            RenderSpec spec = video.getSpec();
            RenderJob job = video.getJob();
            boolean music = spec.getMusic() && (job == null || job.getMusic() != null);
            boolean narrationMade = job != null && job.getNarrationUri() != null;
            return new Expected(music, spec.getNarration() || narrationMade, narrationMade);
        }

        boolean any() {
            return music || narration;
        }

        String what() {
            return music && narration ? "music and narration" : music ? "music" : "narration";
        }
    }
}
