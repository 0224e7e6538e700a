package io.reelflow.operators.quality;

import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.quality.PictureAnalyzer.Signal;
import io.reelflow.operators.quality.internal.FrameSample;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The picture verdicts on measured frames: one finding per signal and scene, at most one failed
 * check per cause (a black scene is not also called blurred and low in contrast). Medians over a
 * scene's frames keep transitions (a crossfade's or a fade's frames at both ends) from deciding.
 */
final class PictureChecks {

    /** A scene with fewer samples than this is too short for motion and flicker checks. */
    static final int MIN_TEMPORAL_SAMPLES = 4;

    private final QualityConfig config;

    PictureChecks(QualityConfig config) {
        this.config = config;
    }

    static boolean isTitleCard(SceneClip clip) {
        return clip != null && clip.getSource() == ClipSource.TITLE_CARD;
    }

    /** The findings on one scene from its frames' measurements. */
    List<Finding> judge(SceneWindow window, List<FrameSample> samples) {
        int scene = window.index();
        List<Finding> findings = new ArrayList<>();
        if (samples.isEmpty()) {
            return findings;
        }
        double meanLuma = median(samples, FrameSample::mean);
        findings.add(Finding.passed(Signal.MEAN_LUMA, scene, meanLuma));
        double blackShare =
                samples.stream().filter(s -> s.mean() < config.blackLumaThreshold()).count()
                        / (double) samples.size();
        if (blackShare > config.maxBlackShare()) {
            findings.add(
                    Finding.failed(
                            Signal.BLACK_SHARE,
                            scene,
                            blackShare,
                            Defect.BLACK,
                            String.format(
                                    Locale.ROOT,
                                    "the picture is black in %s of the scene (at most %s allowed)",
                                    percent(blackShare),
                                    percent(config.maxBlackShare()))));
            return findings;
        }
        findings.add(Finding.passed(Signal.BLACK_SHARE, scene, blackShare));

        boolean drawn = isTitleCard(window.clip());
        boolean exposed = exposure(scene, samples, findings);
        if (!drawn && exposed) {
            texture(scene, samples, findings);
        }
        motion(window, samples, findings);
        flicker(scene, samples, findings);
        return findings;
    }

    /**
     * A picture that does not change over (nearly) the whole video, unless no scene was to move.
     * Successive frames alone do not tell: a slow Ken Burns move over a photo changes less than a
     * level between frames, so the samples of different scenes must also look the same (their mean
     * brightness within {@link #SAME_PICTURE_LEVELS}).
     */
    Finding wholeVideoStill(List<FrameSample> samples, RenderedVideo video) {
        double still = stillShare(samples);
        // Photos and title cards may stand still (a Ken Burns move can be slower than a level a
        // frame); only a video that was to move somewhere can be frozen as a whole.
        boolean stillByDesign =
                video.getJob() != null
                        && !video.getJob().getClips().isEmpty()
                        && SceneWindow.of(video).stream().noneMatch(SceneWindow::expectsMotion);
        if (!stillByDesign
                && samples.size() >= MIN_TEMPORAL_SAMPLES
                && still >= wholeStillShare()
                && meanSpread(samples) < SAME_PICTURE_LEVELS) {
            return Finding.failed(
                    Signal.STILL_SHARE,
                    Finding.WHOLE_VIDEO,
                    still,
                    Defect.FROZEN,
                    String.format(
                            Locale.ROOT,
                            "the picture never changes: %s of successive frames are the same",
                            percent(still)));
        }
        return Finding.passed(Signal.STILL_SHARE, Finding.WHOLE_VIDEO, still);
    }

    /** Mean brightness levels (0-255) within which two samples may show the same picture. */
    static final double SAME_PICTURE_LEVELS = 2.0;

    private static double meanSpread(List<FrameSample> samples) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (FrameSample sample : samples) {
            lowest = Math.min(lowest, sample.mean());
            highest = Math.max(highest, sample.mean());
        }
        return highest - lowest;
    }

    private double wholeStillShare() {
        return Math.max(config.maxStillShare(), PictureAnalyzer.WHOLE_VIDEO_STILL_SHARE);
    }

    /** Clipped highlights and crushed shadows; whether the exposure passed. */
    private boolean exposure(int scene, List<FrameSample> samples, List<Finding> findings) {
        double highlights = median(samples, FrameSample::highlights);
        double shadows = median(samples, FrameSample::shadows);
        boolean over = highlights > config.maxHighlightShare();
        boolean under = !over && shadows > config.maxShadowShare();
        findings.add(
                over
                        ? Finding.failed(
                                Signal.HIGHLIGHT_SHARE,
                                scene,
                                highlights,
                                Defect.OVEREXPOSED,
                                String.format(
                                        Locale.ROOT,
                                        "over-exposed: %s of the picture is clipped white (at most"
                                                + " %s allowed)",
                                        percent(highlights),
                                        percent(config.maxHighlightShare())))
                        : Finding.passed(Signal.HIGHLIGHT_SHARE, scene, highlights));
        findings.add(
                under
                        ? Finding.failed(
                                Signal.SHADOW_SHARE,
                                scene,
                                shadows,
                                Defect.UNDEREXPOSED,
                                String.format(
                                        Locale.ROOT,
                                        "under-exposed: %s of the picture is crushed black (at"
                                                + " most %s allowed)",
                                        percent(shadows),
                                        percent(config.maxShadowShare())))
                        : Finding.passed(Signal.SHADOW_SHARE, scene, shadows));
        return !over && !under;
    }

    /**
     * Contrast, then sharpness: a flat picture has no edges to be sharp, so it is only flat; nor is
     * a picture with too few edges to measure in most of its frames.
     */
    private void texture(int scene, List<FrameSample> samples, List<Finding> findings) {
        double contrast = median(samples, FrameSample::deviation);
        if (contrast < config.minContrast()) {
            findings.add(
                    Finding.failed(
                            Signal.CONTRAST,
                            scene,
                            contrast,
                            Defect.LOW_CONTRAST,
                            String.format(
                                    Locale.ROOT,
                                    "low contrast: brightness varies by %.1f levels (at least %.1f"
                                            + " needed)",
                                    contrast,
                                    config.minContrast())));
            return;
        }
        findings.add(Finding.passed(Signal.CONTRAST, scene, contrast));
        // Sharpness is measured on some frames (NaN on the others); 0: too few edges to tell.
        List<FrameSample> measured =
                samples.stream().filter(s -> !Double.isNaN(s.sharpness())).toList();
        List<FrameSample> edged = measured.stream().filter(s -> s.sharpness() > 0).toList();
        if (edged.isEmpty() || edged.size() * 2 < measured.size()) {
            // Mostly too few edges to tell how wide they are: a plain picture, not a blurred one.
            return;
        }
        double sharpness = median(edged, FrameSample::sharpness);
        findings.add(
                sharpness < config.minSharpness()
                        ? Finding.failed(
                                Signal.SHARPNESS,
                                scene,
                                sharpness,
                                Defect.BLURRED,
                                String.format(
                                        Locale.ROOT,
                                        "blurred: edge sharpness %.2f (at least %.2f needed)",
                                        sharpness,
                                        config.minSharpness()))
                        : Finding.passed(Signal.SHARPNESS, scene, sharpness));
    }

    /** Frozen picture and missing motion, only where a moving clip was expected. */
    private void motion(SceneWindow window, List<FrameSample> samples, List<Finding> findings) {
        int scene = window.index();
        // The first sample's difference reaches back across the cut into the scene before.
        List<FrameSample> inside = samples.subList(1, samples.size());
        if (inside.size() < MIN_TEMPORAL_SAMPLES - 1) {
            return;
        }
        double still = stillShare(inside);
        double motion = median(inside, FrameSample::difference);
        if (!window.expectsMotion()) {
            findings.add(Finding.passed(Signal.STILL_SHARE, scene, still));
            findings.add(Finding.passed(Signal.MOTION, scene, motion));
            return;
        }
        if (still > config.maxStillShare()) {
            findings.add(
                    Finding.failed(
                            Signal.STILL_SHARE,
                            scene,
                            still,
                            Defect.FROZEN,
                            String.format(
                                    Locale.ROOT,
                                    "frozen: the picture stands still in %s of the scene where a"
                                            + " moving clip was expected (at most %s allowed)",
                                    percent(still),
                                    percent(config.maxStillShare()))));
            return;
        }
        findings.add(Finding.passed(Signal.STILL_SHARE, scene, still));
        findings.add(
                motion < config.minMotion()
                        ? Finding.failed(
                                Signal.MOTION,
                                scene,
                                motion,
                                Defect.NO_MOTION,
                                String.format(
                                        Locale.ROOT,
                                        "hardly any motion where a moving clip was expected"
                                                + " (%.2f levels per frame, at least %.2f needed)",
                                        motion,
                                        config.minMotion()))
                        : Finding.passed(Signal.MOTION, scene, motion));
    }

    /** Mean brightness that jumps up and down between successive frames. */
    private void flicker(int scene, List<FrameSample> samples, List<Finding> findings) {
        if (samples.size() < MIN_TEMPORAL_SAMPLES) {
            return;
        }
        int swings = 0;
        double swing = config.flickerLuma();
        for (int i = 2; i < samples.size(); i++) {
            double before = samples.get(i - 1).mean() - samples.get(i - 2).mean();
            double after = samples.get(i).mean() - samples.get(i - 1).mean();
            if (Math.abs(before) >= swing && Math.abs(after) >= swing && before * after < 0) {
                swings++;
            }
        }
        double share = swings / (double) (samples.size() - 2);
        findings.add(
                share > config.maxFlickerShare()
                        ? Finding.failed(
                                Signal.FLICKER_SHARE,
                                scene,
                                share,
                                Defect.FLICKER,
                                String.format(
                                        Locale.ROOT,
                                        "flicker: the brightness jumps back and forth in %s of the"
                                                + " scene (at most %s allowed)",
                                        percent(share),
                                        percent(config.maxFlickerShare())))
                        : Finding.passed(Signal.FLICKER_SHARE, scene, share));
    }

    private double stillShare(List<FrameSample> samples) {
        long measured = samples.stream().filter(s -> !Double.isNaN(s.difference())).count();
        if (measured == 0) {
            return 0;
        }
        return samples.stream().filter(s -> s.difference() < config.stillDifference()).count()
                / (double) measured;
    }

    private static double median(List<FrameSample> samples, ToDoubleFunction<FrameSample> value) {
        double[] values =
                samples.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
