package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.quality.internal.MediaPass;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneQuality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weighs every analyzer's findings on a finished video into one {@link QualityReport}: a 0-100
 * score, {@code passed}, the reasons, the whole-video signals and a verdict per scene. The picture
 * analyzer always runs (it decodes the video and knows its scenes); further analyzers (sound,
 * subtitles, relevance) are passed in:
 *
 * <pre>{@code
 * QualityScorer scorer = new QualityScorer(config, List.of(new SoundAnalyzer(config)));
 * QualityReport report = scorer.score(file, renderedVideo, cancellation);
 * }</pre>
 *
 * <p>The formula is in {@code quality/README.md}: each scene starts at 100 and loses a penalty per
 * failed check ({@link #penalty(String)}); the video's score is the duration-weighted mean of its
 * scenes' scores minus the penalties of whole-video failures. {@code passed} needs every check to
 * pass. Thread-safe and blocking; never throws for bad media (an unreadable file scores 0).
 */
public final class QualityScorer implements VideoScorer {

    private static final Logger LOG = LoggerFactory.getLogger(QualityScorer.class);

    /** Penalty of a failed check whose defect has no penalty of its own. */
    static final double DEFAULT_PENALTY = 40;

    /** Points a failed check costs its scene (or, for a whole-video check, the video). */
    private static final Map<String, Double> PENALTIES =
            Map.ofEntries(
                    Map.entry(Defect.BLACK, 100.0),
                    Map.entry(Defect.FROZEN, 70.0),
                    Map.entry(Defect.BLURRED, 50.0),
                    Map.entry(Defect.OVEREXPOSED, 50.0),
                    Map.entry(Defect.UNDEREXPOSED, 40.0),
                    Map.entry(Defect.FLICKER, 40.0),
                    Map.entry(Defect.LOW_CONTRAST, 30.0),
                    Map.entry(Defect.NO_MOTION, 30.0),
                    Map.entry(Defect.WRONG_DURATION, 30.0),
                    Map.entry(Defect.WRONG_RESOLUTION, 20.0),
                    Map.entry(Defect.WRONG_CODEC, 20.0),
                    Map.entry(Defect.NOT_DECODABLE, 100.0));

    private final QualityConfig config;
    private final PictureAnalyzer picture;
    private final List<QualityAnalyzer> analyzers;
    private final Decoder decoder;

    /** Picture checks only, with the {@code standard} preset. */
    public QualityScorer() {
        this(QualityConfig.defaults());
    }

    /** Picture checks only. */
    public QualityScorer(QualityConfig config) {
        this(config, List.of());
    }

    /** Picture checks and {@code analyzers}, whose findings weigh in the same way. */
    public QualityScorer(QualityConfig config, List<QualityAnalyzer> analyzers) {
        this(config, analyzers, MediaPass::run);
    }

    /** With {@code decoder} reading the file (tests count the reads). */
    QualityScorer(QualityConfig config, List<QualityAnalyzer> analyzers, Decoder decoder) {
        this.config = Objects.requireNonNull(config, "config");
        this.picture = new PictureAnalyzer(config);
        this.analyzers = List.copyOf(analyzers);
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** The points a failed check with {@code defect} costs. */
    public static double penalty(String defect) {
        return PENALTIES.getOrDefault(defect, DEFAULT_PENALTY);
    }

    /** Scores without a cancellation token (tests, tools). */
    public QualityReport score(Path videoFile, RenderedVideo video) {
        try {
            return score(videoFile, video, Cancellation.none());
        } catch (CancelledException e) {
            throw new IllegalStateException("a token nobody holds was cancelled", e);
        }
    }

    /**
     * Scores {@code videoFile}, the stored copy of {@code video}, stopping between measurements
     * once {@code cancellation} is cancelled.
     *
     * @throws CancelledException when cancelled
     */
    public QualityReport score(Path videoFile, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        String preset = config.forSpec(video.getSpec()).preset();
        // One read of the file for every analyzer that joins it: one demux, one decode per stream.
        PictureAnalyzer.Look look = picture.listen(video);
        List<MediaListener> listeners = new ArrayList<>(List.of(look));
        Map<QualityAnalyzer, MediaListener> joined = new IdentityHashMap<>();
        for (QualityAnalyzer analyzer : analyzers) {
            MediaListener listener = listen(analyzer, video);
            if (listener != null) {
                joined.put(analyzer, listener);
                listeners.add(listener);
            }
        }
        MediaPass pass = decoder.decode(videoFile, listeners, cancellation);
        PictureAnalyzer.Inspection inspection =
                look.inspection(pass.outcome(), pass.failureOf(look));
        if (!inspection.decodable()) {
            return QualityReport.newBuilder()
                    .setScore(0)
                    .setPassed(false)
                    .setPreset(preset)
                    .setReasons(reasonsOf(inspection.findings()))
                    .setDefects(wholeVideoDefects(inspection.findings()))
                    .build();
        }
        List<Finding> findings = new ArrayList<>(inspection.findings());
        for (QualityAnalyzer analyzer : analyzers) {
            cancellation.throwIfCancelled();
            MediaListener listener = joined.get(analyzer);
            findings.addAll(
                    listener == null
                            ? run(analyzer, videoFile, video, cancellation)
                            : heard(analyzer, listener, pass, video));
        }

        List<SceneWindow> windows = SceneWindow.of(video);
        List<SceneQuality> scenes = new ArrayList<>();
        double weighted = 0;
        double seconds = 0;
        for (SceneWindow window : windows) {
            SceneQuality scene = sceneQuality(window, findings);
            scenes.add(scene);
            double length = Math.max(window.durationSeconds(), 0);
            weighted += scene.getScore() * length;
            seconds += length;
        }
        double score = seconds > 0 ? weighted / seconds : 100;
        Map<String, Double> signals = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (finding.isWholeVideo()) {
                signals.put(finding.signal(), finding.value());
                if (finding.failed()) {
                    score -= penalty(finding.defect());
                }
            }
        }
        return QualityReport.newBuilder()
                .setScore(Math.round(Math.max(0, score) * 10) / 10.0)
                .setPassed(findings.stream().noneMatch(Finding::failed))
                .setReasons(reasonsOf(findings))
                .setMeasuredDurationSeconds(inspection.durationSeconds())
                .setWidth(inspection.width())
                .setHeight(inspection.height())
                .setCodec(inspection.codec())
                .setBlackFrameRatio(inspection.blackShare())
                .setPreset(preset)
                .setSignals(Map.copyOf(signals))
                .setScenes(scenes)
                .setDefects(wholeVideoDefects(findings))
                .build();
    }

    private static List<String> wholeVideoDefects(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.failed() && f.isWholeVideo())
                .map(Finding::defect)
                .distinct()
                .toList();
    }

    /** Closes the analyzers that hold something (the relevance analyzer's shared model). */
    @Override
    public void close() {
        for (QualityAnalyzer analyzer : analyzers) {
            if (analyzer instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Could not close {}", analyzer.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** The analyzer's listener for {@code video}; null when it reads alone or its bug says so. */
    private static MediaListener listen(QualityAnalyzer analyzer, RenderedVideo video) {
        try {
            return analyzer.listen(video);
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} failed on {}; it reads the file on its own",
                    analyzer.getClass().getSimpleName(),
                    video.getRequestId(),
                    e);
            return null;
        }
    }

    /** The findings of an analyzer that joined the decode; its bug costs only its own. */
    private static List<Finding> heard(
            QualityAnalyzer analyzer, MediaListener listener, MediaPass pass, RenderedVideo video)
            throws CancelledException {
        return contained(
                analyzer,
                video,
                () -> {
                    RuntimeException failure = pass.failureOf(listener);
                    if (failure != null) {
                        throw failure;
                    }
                    return listener.findings(pass.outcome());
                });
    }

    /** How the scorer reads a file for its listeners: {@link MediaPass#run}, or a test's spy. */
    @FunctionalInterface
    interface Decoder {
        MediaPass decode(Path file, List<MediaListener> listeners, Cancellation cancellation)
                throws CancelledException;
    }

    /** An analyzer's bug costs its own findings, not the video's verdict. */
    private static List<Finding> run(
            QualityAnalyzer analyzer,
            Path videoFile,
            RenderedVideo video,
            Cancellation cancellation)
            throws CancelledException {
        return contained(analyzer, video, () -> analyzer.analyze(videoFile, video, cancellation));
    }

    /** An analyzer's findings, or none when it fails: logged, the other checks still count. */
    private static List<Finding> contained(
            QualityAnalyzer analyzer, RenderedVideo video, AnalyzerFindings findings)
            throws CancelledException {
        try {
            return findings.get();
        } catch (RuntimeException e) {
            LOG.warn(
                    "{} failed on {}; its checks are left out",
                    analyzer.getClass().getSimpleName(),
                    video.getRequestId(),
                    e);
            return List.of();
        }
    }

    @FunctionalInterface
    private interface AnalyzerFindings {
        List<Finding> get() throws CancelledException;
    }

    private static SceneQuality sceneQuality(SceneWindow window, List<Finding> findings) {
        double score = 100;
        List<String> reasons = new ArrayList<>();
        List<String> defects = new ArrayList<>();
        Map<String, Double> signals = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (finding.sceneIndex() != window.index()) {
                continue;
            }
            signals.put(finding.signal(), finding.value());
            if (finding.failed()) {
                score -= penalty(finding.defect());
                reasons.add(finding.reason());
                if (!defects.contains(finding.defect())) {
                    defects.add(finding.defect());
                }
            }
        }
        return SceneQuality.newBuilder()
                .setIndex(window.index())
                .setStartSeconds(window.startSeconds())
                .setEndSeconds(window.endSeconds())
                .setScore(Math.max(0, score))
                .setPassed(defects.isEmpty())
                .setReasons(reasons)
                .setDefects(defects)
                .setSignals(signals)
                .build();
    }

    /** Whole-video reasons first, then each scene's, prefixed with its number. */
    private static List<String> reasonsOf(List<Finding> findings) {
        List<String> reasons = new ArrayList<>();
        findings.stream()
                .filter(f -> f.failed() && f.isWholeVideo())
                .forEach(f -> reasons.add(f.reason()));
        findings.stream()
                .filter(f -> f.failed() && !f.isWholeVideo())
                .forEach(f -> reasons.add("scene " + f.sceneIndex() + ": " + f.reason()));
        return reasons;
    }
}
