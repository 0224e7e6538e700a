package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.internal.MediaPass;
import io.reelflow.operators.quality.internal.TextContrast;
import io.reelflow.operators.render.BurnedSubtitles;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.request.ReadingSpeed;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bytedeco.javacv.Frame;

/**
 * Whether viewers can read the burned-in subtitles, scene by scene, against {@link
 * SubtitleThresholds}: reading speed (characters a second), lines per cue, the contrast of the text
 * against its box on decoded frames, and the text inside the title-safe area. The cues and their
 * boxes come from the job through {@link BurnedSubtitles}, the renderer's own layout, so the {@link
 * RenderConfig} must be the one the video was rendered with. Thread-safe and blocking; a video with
 * subtitles off, or without its job, has no findings.
 */
public final class SubtitleAnalyzer implements QualityAnalyzer {

    public static final String UNREADABLE_SUBTITLES = "UNREADABLE_SUBTITLES";

    public static final String READING_PACE = "subtitleReadingPace";
    public static final String LINES = "subtitleLines";
    public static final String CONTRAST = "subtitleContrast";
    public static final String SAFE_MARGIN = "subtitleSafeMargin";

    private final SubtitleThresholds thresholds;
    private final RenderConfig renderConfig;

    public SubtitleAnalyzer() {
        this(SubtitleThresholds.defaults(), RenderConfig.defaults());
    }

    public SubtitleAnalyzer(SubtitleThresholds thresholds, RenderConfig renderConfig) {
        FfmpegLogging.install();
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.renderConfig = Objects.requireNonNull(renderConfig, "renderConfig");
    }

    @Override
    public List<Finding> analyze(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        MediaListener reading = listen(video);
        if (reading == null) {
            return List.of();
        }
        MediaPass pass = MediaPass.run(videoFile, List.of(reading), cancellation);
        RuntimeException failure = pass.failureOf(reading);
        if (failure != null) {
            throw failure;
        }
        return reading.findings(pass.outcome());
    }

    /**
     * Joins the scorer's single decode: one full-size frame inside the longest cue of each sampled
     * scene, for the contrast of its text; null when the video has no burned-in subtitles.
     */
    @Override
    public MediaListener listen(RenderedVideo video) {
        RenderJob job = video.getJob();
        if (job == null || !video.getSpec().getSubtitles() || job.getClips().isEmpty()) {
            return null;
        }
        return new Reading(video);
    }

    /** The cues of one video, judged from the layout and from frames of the decode. */
    private final class Reading implements MediaListener {
        private final RenderedVideo video;
        private final List<BurnedSubtitles.Cue> cues;
        private final List<BurnedSubtitles.Cue> sampled;
        private final double[] ratios;

        Reading(RenderedVideo video) {
            this.video = video;
            this.cues = BurnedSubtitles.of(video, renderConfig);
            this.sampled = sampled(byScene(cues));
            this.ratios = new double[sampled.size()];
            java.util.Arrays.fill(ratios, Double.NaN);
        }

        @Override
        public Wants wants(Media media) {
            if (!media.video() || sampled.isEmpty()) {
                return Wants.NOTHING;
            }
            List<Still> stills = new ArrayList<>();
            for (BurnedSubtitles.Cue cue : sampled) {
                double from = cue.cue().startSeconds();
                double to = cue.cue().endSeconds();
                // A frame just inside the cue (its first may still fade in with the scene).
                stills.add(
                        new Still(
                                Math.min(from + 0.05, (from + to) / 2),
                                to,
                                media.width(),
                                media.height()));
            }
            return new Wants(List.of(), 0, 0, stills, false);
        }

        @Override
        public void still(int index, Frame bgr, double seconds) {
            ratios[index] = TextContrast.ratio(bgr, sampled.get(index).text());
        }

        @Override
        public List<Finding> findings(Outcome outcome) {
            List<Finding> findings =
                    new ArrayList<>(judge(cues, video.getWidth(), video.getHeight()));
            if (sampled.isEmpty()) {
                return findings;
            }
            String unseen =
                    outcome.media() == null
                            ? outcome.failure()
                            : outcome.media().video() ? null : "no video stream";
            if (unseen != null) {
                findings.add(
                        unreadable(
                                CONTRAST,
                                sampled.get(0).sceneIndex(),
                                0,
                                "subtitles cannot be seen: " + unseen));
                return findings;
            }
            findings.addAll(contrast(sampled, ratios));
            return findings;
        }
    }

    /** Reading speed, lines and safe area of each scene's cues, from the layout alone. */
    List<Finding> judge(List<BurnedSubtitles.Cue> cues, int width, int height) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Integer, List<BurnedSubtitles.Cue>> scene : byScene(cues).entrySet()) {
            int index = scene.getKey();
            BurnedSubtitles.Cue fastest =
                    scene.getValue().stream()
                            .max(Comparator.comparingDouble(SubtitleAnalyzer::readingPace))
                            .orElseThrow();
            double pace = readingPace(fastest);
            findings.add(
                    pace <= thresholds.maxReadingPace()
                            ? Finding.passed(READING_PACE, index, pace)
                            : unreadable(
                                    READING_PACE,
                                    index,
                                    pace,
                                    String.format(
                                            Locale.ROOT,
                                            "a subtitle needs %.1f s to read (%s) but shows for"
                                                    + " %.1f s, %.1f times too fast; at most %.1f"
                                                    + " times is readable",
                                            ReadingSpeed.secondsToRead(fastest.cue().text()),
                                            ReadingSpeed.DESCRIPTION,
                                            seconds(fastest),
                                            pace,
                                            thresholds.maxReadingPace())));
            int lines =
                    scene.getValue().stream().mapToInt(BurnedSubtitles.Cue::lines).max().orElse(0);
            findings.add(
                    lines <= thresholds.maxLines()
                            ? Finding.passed(LINES, index, lines)
                            : unreadable(
                                    LINES,
                                    index,
                                    lines,
                                    String.format(
                                            Locale.ROOT,
                                            "a subtitle of %d lines, readable is at most %d",
                                            lines,
                                            thresholds.maxLines())));
            findings.add(safeArea(index, scene.getValue(), width, height));
        }
        return findings;
    }

    private Finding safeArea(int scene, List<BurnedSubtitles.Cue> cues, int width, int height) {
        double margin = 0.5;
        boolean outside = false;
        for (BurnedSubtitles.Cue cue : cues) {
            Rectangle text = cue.text();
            int[] pixels = {
                text.x, width - text.x - text.width, text.y, height - text.y - text.height
            };
            int[] sizes = {width, width, height, height};
            for (int side = 0; side < 4; side++) {
                margin = Math.min(margin, pixels[side] / (double) sizes[side]);
                // One pixel of rounding is not outside.
                outside |= pixels[side] + 1 < thresholds.titleSafeMargin() * sizes[side];
            }
        }
        if (!outside) {
            return Finding.passed(SAFE_MARGIN, scene, margin);
        }
        return unreadable(
                SAFE_MARGIN,
                scene,
                margin,
                String.format(
                        Locale.ROOT,
                        "subtitle text comes %.1f%% from the frame's edge, outside the title-safe"
                                + " area (%.1f%%)",
                        margin * 100,
                        thresholds.titleSafeMargin() * 100));
    }

    /** The contrast findings of the sampled cues, from the ratios measured (NaN: no frame). */
    private List<Finding> contrast(List<BurnedSubtitles.Cue> sampled, double[] ratios) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < sampled.size(); i++) {
            double ratio = ratios[i];
            if (Double.isNaN(ratio)) {
                continue;
            }
            int scene = sampled.get(i).sceneIndex();
            findings.add(
                    ratio >= thresholds.minContrastRatio()
                            ? Finding.passed(CONTRAST, scene, ratio)
                            : unreadable(
                                    CONTRAST,
                                    scene,
                                    ratio,
                                    String.format(
                                            Locale.ROOT,
                                            "subtitle text contrast is %.1f:1 against its box,"
                                                    + " readable is at least %.1f:1",
                                            ratio,
                                            thresholds.minContrastRatio())));
        }
        return findings;
    }

    /** The longest cue of each scene, for scenes spread evenly over the video. */
    private List<BurnedSubtitles.Cue> sampled(Map<Integer, List<BurnedSubtitles.Cue>> scenes) {
        List<BurnedSubtitles.Cue> longest = new ArrayList<>();
        for (List<BurnedSubtitles.Cue> cues : scenes.values()) {
            longest.add(
                    cues.stream().max(Comparator.comparingDouble(c -> seconds(c))).orElseThrow());
        }
        int limit = thresholds.maxContrastSamples();
        if (longest.size() <= limit) {
            return longest;
        }
        List<BurnedSubtitles.Cue> spread = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            spread.add(longest.get((int) ((long) i * longest.size() / limit)));
        }
        return spread;
    }

    private static Map<Integer, List<BurnedSubtitles.Cue>> byScene(List<BurnedSubtitles.Cue> cues) {
        Map<Integer, List<BurnedSubtitles.Cue>> scenes = new LinkedHashMap<>();
        for (BurnedSubtitles.Cue cue : cues) {
            scenes.computeIfAbsent(cue.sceneIndex(), k -> new ArrayList<>()).add(cue);
        }
        return scenes;
    }

    private static double seconds(BurnedSubtitles.Cue cue) {
        return cue.cue().endSeconds() - cue.cue().startSeconds();
    }

    /**
     * How much faster than the guideline a cue asks viewers to read: its reading time at {@link
     * ReadingSpeed}'s per-script speeds (the ones the plan is timed with) over its time on screen.
     */
    static double readingPace(BurnedSubtitles.Cue cue) {
        return ReadingSpeed.secondsToRead(cue.cue().text()) / seconds(cue);
    }

    private static Finding unreadable(String signal, int scene, double value, String why) {
        return Finding.failed(signal, scene, value, UNREADABLE_SUBTITLES, why);
    }
}
