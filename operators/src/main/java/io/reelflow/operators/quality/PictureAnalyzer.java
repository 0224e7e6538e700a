package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.internal.FrameBatcher;
import io.reelflow.operators.quality.internal.FrameSample;
import io.reelflow.operators.quality.internal.LumaMeasures;
import io.reelflow.operators.quality.internal.MediaPass;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.Transition;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What viewers see: decodes the video once, small and grey, measures every decoded frame on DJL
 * {@code NDArray}s and judges each scene (black, exposure, contrast, sharpness, frozen picture,
 * motion, flicker) and the whole video (decodable, codec, resolution, duration, a picture that
 * never changes) against the preset of the video's spec. Thread-safe and blocking; never throws for
 * bad media.
 *
 * <p>Speed: the decoder skips the frames no other frame refers to and the deblocking filter
 * (neither changes what the checks see at analysis size), and frames are scaled to grey at {@link
 * QualityConfig#analysisHeight()} by FFmpeg; see {@code quality/README.md} for the figures.
 */
public final class PictureAnalyzer implements QualityAnalyzer {

    public static final String EXPECTED_CODEC = "h264";

    /** Frames measured per engine call. */
    static final int BATCH_FRAMES = 64;

    /**
     * Share of the height measured when subtitles are burned in: the picture above the subtitle
     * band (sharp white text would hide a blurred or black picture under it).
     */
    static final double ABOVE_SUBTITLES = 0.72;

    /** Share of unchanged samples over the whole video that makes it one frozen picture. */
    static final double WHOLE_VIDEO_STILL_SHARE = 0.95;

    private final QualityConfig config;

    public PictureAnalyzer(QualityConfig config) {
        FfmpegLogging.install();
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * What decoding found: the stream's properties and the findings.
     *
     * @param decodable whether any frame could be decoded; the other properties are empty if not
     */
    public record Inspection(
            boolean decodable,
            String codec,
            int width,
            int height,
            double durationSeconds,
            double blackShare,
            List<Finding> findings) {}

    @Override
    public List<Finding> analyze(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        return inspect(videoFile, video, cancellation).findings();
    }

    /** Decodes and judges {@code videoFile}, the stored copy of {@code video}. */
    public Inspection inspect(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        Look look = listen(video);
        MediaPass pass = MediaPass.run(videoFile, List.of(look), cancellation);
        return look.inspection(pass.outcome(), pass.failureOf(look));
    }

    /**
     * Joins the scorer's single decode of {@code video}: small grey frames of sampled stretches.
     */
    @Override
    public Look listen(RenderedVideo video) {
        return new Look(video);
    }

    /**
     * What the picture checks take from the decode: 8-bit grey frames at {@link
     * QualityConfig#analysisHeight()} of {@link SampleSpans} (stretches closer than {@link
     * SampleSpans#JOIN_SECONDS} decoded through), measured in batches as they come.
     */
    public final class Look implements MediaListener {
        private final RenderedVideo video;
        private final QualityConfig thresholds;
        private Media media;
        private String unusable;
        private FrameBatcher batcher;
        private double last;

        private Look(RenderedVideo video) {
            this.video = video;
            this.thresholds = config.forSpec(video.getSpec());
        }

        @Override
        public Wants wants(Media media) {
            this.media = media;
            if (!media.video()) {
                unusable = "no video stream";
                return Wants.NOTHING;
            }
            if (media.width() <= 0 || media.height() <= 0) {
                unusable = "no picture size";
                return Wants.NOTHING;
            }
            int analysisHeight = Math.min(thresholds.analysisHeight(), media.height());
            int analysisWidth =
                    Math.max(
                            16,
                            2
                                    * (int)
                                            Math.round(
                                                    analysisHeight
                                                            * media.width()
                                                            / (2.0 * media.height())));
            int rows =
                    video.getSpec().getSubtitles()
                            ? (int) Math.round(analysisHeight * ABOVE_SUBTITLES)
                            : analysisHeight;
            batcher = new FrameBatcher(analysisWidth, rows, BATCH_FRAMES);
            List<double[]> spans =
                    thresholds.sampleSeconds() > 0
                            ? SampleSpans.of(
                                    windowsOf(video, media.videoSeconds()),
                                    transitionMargin(video.getSpec()),
                                    thresholds.sampleSeconds(),
                                    media.keyframeSeconds())
                            : List.of(new double[] {0, Double.MAX_VALUE});
            return new Wants(windows(spans), analysisWidth, analysisHeight, List.of(), false);
        }

        @Override
        public void greyWindowStarts() {
            batcher.breakSequence();
        }

        @Override
        public void grey(ByteBuffer pixels, int rowStride, double seconds) {
            last = Math.max(last, seconds);
            batcher.add(pixels, rowStride, seconds);
        }

        @Override
        public List<Finding> findings(Outcome outcome) throws CancelledException {
            return inspection(outcome, null).findings();
        }

        /**
         * The verdict and the stream's properties.
         *
         * @param failure what this listener threw during the pass, or null
         * @throws LumaMeasures.MeasurementException when the engine failed (not the video's fault)
         */
        public Inspection inspection(Outcome outcome, RuntimeException failure)
                throws CancelledException {
            if (failure instanceof LumaMeasures.MeasurementException e) {
                throw e;
            }
            if (failure != null) {
                return notDecodable(failure.getMessage());
            }
            if (outcome.failure() != null) {
                return notDecodable(outcome.failure());
            }
            if (unusable != null) {
                return notDecodable(unusable);
            }
            List<FrameSample> samples = batcher.finish();
            if (samples.isEmpty()) {
                return notDecodable("no decodable video frames");
            }
            double rate = media.frameRate();
            double spanned = last + (rate > 0 ? 1 / rate : 0);
            Decoded decoded =
                    new Decoded(
                            media.codec(),
                            media.width(),
                            media.height(),
                            Math.max(media.videoSeconds(), spanned),
                            samples);
            return judge(decoded, video, thresholds);
        }
    }

    /**
     * The grey windows of {@code spans}: stretches that start within {@link
     * SampleSpans#JOIN_SECONDS} of where the last one ended (or of the start) are decoded through,
     * gap included, as one window.
     */
    static List<double[]> windows(List<double[]> spans) {
        List<double[]> windows = new ArrayList<>();
        double position = 0;
        for (double[] span : spans) {
            if (span[0] <= position + SampleSpans.JOIN_SECONDS) {
                if (windows.isEmpty()) {
                    windows.add(new double[] {0, span[1]});
                } else {
                    double[] last = windows.get(windows.size() - 1);
                    last[1] = Math.max(last[1], span[1]);
                }
            } else {
                windows.add(new double[] {span[0], span[1]});
            }
            position = Math.max(position, span[1]);
        }
        return windows;
    }

    private Inspection judge(Decoded decoded, RenderedVideo video, QualityConfig thresholds) {
        List<Finding> findings = new ArrayList<>(wholeVideo(decoded, video, thresholds));
        List<SceneWindow> windows = SceneWindow.of(video);
        PictureChecks checks = new PictureChecks(thresholds);
        double margin = transitionMargin(video.getSpec());
        for (int i = 0; i < windows.size(); i++) {
            SceneWindow window = windows.get(i);
            // Frames of a crossfade or fade belong to both neighbours: measure the scene inside.
            double from = i == 0 ? 0 : window.startSeconds() + margin;
            double to = i == windows.size() - 1 ? Double.MAX_VALUE : window.endSeconds() - margin;
            List<FrameSample> inside = between(decoded.samples(), from, to);
            if (inside.size() < PictureChecks.MIN_TEMPORAL_SAMPLES) {
                inside =
                        between(
                                decoded.samples(),
                                i == 0 ? 0 : window.startSeconds(),
                                i == windows.size() - 1 ? Double.MAX_VALUE : window.endSeconds());
            }
            findings.addAll(checks.judge(window, inside));
        }
        double blackShare =
                decoded.samples().stream()
                                .filter(s -> s.mean() < thresholds.blackLumaThreshold())
                                .count()
                        / (double) decoded.samples().size();
        return new Inspection(
                true,
                decoded.codec(),
                decoded.width(),
                decoded.height(),
                decoded.durationSeconds(),
                blackShare,
                List.copyOf(findings));
    }

    /**
     * The duration the video should have: the last scene's end when narration set the timing (the
     * speech may run past the requested target), else the requested target.
     */
    static double expectedSeconds(RenderedVideo video) {
        RenderSpec spec = video.getSpec();
        if (spec.getNarration() && video.getJob() != null && !video.getJob().getClips().isEmpty()) {
            return video.getJob().getClips().stream()
                    .mapToDouble(clip -> clip.getScene().getEndSeconds())
                    .max()
                    .orElse(spec.getTargetDurationSeconds());
        }
        return spec.getTargetDurationSeconds();
    }

    private List<Finding> wholeVideo(
            Decoded decoded, RenderedVideo video, QualityConfig thresholds) {
        int whole = Finding.WHOLE_VIDEO;
        RenderSpec spec = video.getSpec();
        List<Finding> findings = new ArrayList<>();
        findings.add(
                EXPECTED_CODEC.equals(decoded.codec())
                        ? Finding.passed(Signal.H264, whole, 1)
                        : Finding.failed(
                                Signal.H264,
                                whole,
                                0,
                                Defect.WRONG_CODEC,
                                "codec is " + decoded.codec() + ", expected " + EXPECTED_CODEC));
        boolean sized = decoded.width() == spec.getWidth() && decoded.height() == spec.getHeight();
        findings.add(
                sized
                        ? Finding.passed(Signal.WIDTH, whole, decoded.width())
                        : Finding.failed(
                                Signal.WIDTH,
                                whole,
                                decoded.width(),
                                Defect.WRONG_RESOLUTION,
                                "resolution is "
                                        + decoded.width()
                                        + "x"
                                        + decoded.height()
                                        + ", expected "
                                        + spec.getWidth()
                                        + "x"
                                        + spec.getHeight()));
        findings.add(Finding.passed(Signal.HEIGHT, whole, decoded.height()));
        double expected = expectedSeconds(video);
        double error = Math.abs(decoded.durationSeconds() - expected);
        findings.add(
                error <= thresholds.durationToleranceSeconds()
                        ? Finding.passed(Signal.DURATION, whole, decoded.durationSeconds())
                        : Finding.failed(
                                Signal.DURATION,
                                whole,
                                decoded.durationSeconds(),
                                Defect.WRONG_DURATION,
                                String.format(
                                        Locale.ROOT,
                                        "duration is %.2f s, %s %.2f s (tolerance %.2f s)",
                                        decoded.durationSeconds(),
                                        expected == spec.getTargetDurationSeconds()
                                                ? "target"
                                                : "narrated length",
                                        expected,
                                        thresholds.durationToleranceSeconds())));
        findings.add(new PictureChecks(thresholds).wholeVideoStill(decoded.samples(), video));
        return findings;
    }

    /** Half a transition: how far into a scene its neighbour's frames reach. */
    static double transitionMargin(RenderSpec spec) {
        return spec.getTransition() == Transition.CUT ? 0 : spec.getTransitionSeconds() / 2;
    }

    private static List<FrameSample> between(List<FrameSample> samples, double from, double to) {
        return samples.stream().filter(s -> s.seconds() >= from && s.seconds() < to).toList();
    }

    private static Inspection notDecodable(String why) {
        return new Inspection(
                false,
                null,
                0,
                0,
                0,
                0,
                List.of(
                        Finding.failed(
                                Signal.DECODABLE,
                                Finding.WHOLE_VIDEO,
                                0,
                                Defect.NOT_DECODABLE,
                                "not decodable: " + why)));
    }

    /** What one decode of the file gave. */
    private record Decoded(
            String codec,
            int width,
            int height,
            double durationSeconds,
            List<FrameSample> samples) {}

    /** The video's scenes; one over the whole stream for a video without its job. */
    static List<SceneWindow> windowsOf(RenderedVideo video, double streamSeconds) {
        List<SceneWindow> windows = SceneWindow.of(video);
        if (windows.size() == 1 && windows.get(0).clip() == null) {
            return List.of(
                    new SceneWindow(
                            0, 0, Math.max(streamSeconds, video.getDurationSeconds()), null));
        }
        return windows;
    }

    /** Names of the defects this analyzer reports (what a repair acts on). */
    public static final class Defect {
        public static final String NOT_DECODABLE = "NOT_DECODABLE";
        public static final String WRONG_CODEC = "WRONG_CODEC";
        public static final String WRONG_RESOLUTION = "WRONG_RESOLUTION";
        public static final String WRONG_DURATION = "WRONG_DURATION";
        public static final String BLACK = "BLACK";
        public static final String FROZEN = "FROZEN";
        public static final String NO_MOTION = "NO_MOTION";
        public static final String BLURRED = "BLURRED";
        public static final String OVEREXPOSED = "OVEREXPOSED";
        public static final String UNDEREXPOSED = "UNDEREXPOSED";
        public static final String LOW_CONTRAST = "LOW_CONTRAST";
        public static final String FLICKER = "FLICKER";

        private Defect() {}
    }

    /** Names of the signals this analyzer measures, as they appear in the report's maps. */
    public static final class Signal {
        public static final String DECODABLE = "decodable";

        /** 1 when the codec is H.264, else 0. */
        public static final String H264 = "h264";

        public static final String WIDTH = "width";
        public static final String HEIGHT = "height";
        public static final String DURATION = "durationSeconds";
        public static final String BLACK_SHARE = "blackShare";
        public static final String STILL_SHARE = "stillShare";
        public static final String MOTION = "motion";
        public static final String SHARPNESS = "sharpness";
        public static final String CONTRAST = "contrast";
        public static final String HIGHLIGHT_SHARE = "highlightShare";
        public static final String SHADOW_SHARE = "shadowShare";
        public static final String FLICKER_SHARE = "flickerShare";
        public static final String MEAN_LUMA = "meanLuma";

        private Signal() {}
    }
}
