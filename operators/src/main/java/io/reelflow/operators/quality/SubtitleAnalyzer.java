package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.internal.TextContrast;
import io.reelflow.operators.render.BurnedSubtitles;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.request.ReadingSpeed;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
        RenderJob job = video.getJob();
        if (job == null || !video.getSpec().getSubtitles() || job.getClips().isEmpty()) {
            return List.of();
        }
        List<BurnedSubtitles.Cue> cues = BurnedSubtitles.of(video, renderConfig);
        List<Finding> findings = new ArrayList<>(judge(cues, video.getWidth(), video.getHeight()));
        findings.addAll(contrast(videoFile, cues, cancellation));
        return findings;
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

    /** The contrast of the longest cue of each scene, for up to the sample limit of scenes. */
    private List<Finding> contrast(
            Path videoFile, List<BurnedSubtitles.Cue> cues, Cancellation cancellation)
            throws CancelledException {
        List<BurnedSubtitles.Cue> sampled = sampled(byScene(cues));
        if (sampled.isEmpty()) {
            return List.of();
        }
        List<TextContrast.Probe> probes = new ArrayList<>();
        for (BurnedSubtitles.Cue cue : sampled) {
            probes.add(
                    new TextContrast.Probe(
                            cue.cue().startSeconds(), cue.cue().endSeconds(), cue.text()));
        }
        List<Double> ratios;
        try {
            ratios = TextContrast.measure(videoFile, probes, cancellation);
        } catch (CancelledException e) {
            throw e;
        } catch (IOException e) {
            return List.of(
                    unreadable(
                            CONTRAST,
                            sampled.get(0).sceneIndex(),
                            0,
                            "subtitles cannot be seen: " + e.getMessage()));
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < sampled.size(); i++) {
            double ratio = ratios.get(i);
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
