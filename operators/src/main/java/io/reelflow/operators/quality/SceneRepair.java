package io.reelflow.operators.quality;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.quality.PictureAnalyzer.Defect;
import io.reelflow.operators.render.Renderer;
import io.reelflow.operators.status.VideoResults;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneQuality;
import io.reelflow.schemas.ScoredVideo;
import io.reelflow.schemas.VideoResult;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a scored video into its result, repairing it once when scenes failed for defects a
 * different picture can fix: each such scene gets its first alternative asset not used elsewhere in
 * the video (a generated scene its best stock alternative), the job is rendered again under its own
 * object name ({@link #repairObjectName}) and scored again. Never more than one re-render: a
 * repaired video that still fails is DEGRADED with the reasons, and so is a video with no
 * alternative to swap in (without re-rendering). Once the repaired video is stored, the first
 * video's objects are deleted and the result points at the repaired one. Blocking; thread-safe.
 *
 * <pre>{@code
 * SceneRepair repair = new SceneRepair(store, renderer::render, scorer, Clock.systemUTC());
 * VideoResult result = repair.resultOf(scoredVideo, Cancellation.none());
 * }</pre>
 */
public final class SceneRepair {
    private static final Logger LOG = LoggerFactory.getLogger(SceneRepair.class);

    /** The {@link SceneQuality#getDefects()} names that another picture can fix. */
    public static final Set<String> REPAIRABLE_DEFECTS =
            Set.of(
                    Defect.BLACK,
                    Defect.FROZEN,
                    Defect.BLURRED,
                    RelevanceAnalyzer.DEFECT,
                    Defect.NO_MOTION,
                    Defect.OVEREXPOSED,
                    Defect.UNDEREXPOSED,
                    Defect.LOW_CONTRAST);

    /** Renders a job under an object name of its own ({@link Renderer#render}). */
    @FunctionalInterface
    public interface Rerender {
        RenderedVideo render(RenderJob job, String objectName, Cancellation cancellation)
                throws IOException;
    }

    private final ObjectStore store;
    private final Rerender renderer;
    private final VideoScorer scorer;
    private final Clock clock;

    public SceneRepair(ObjectStore store, Rerender renderer, VideoScorer scorer, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The object name (in place of the request id) a repaired video is stored under. */
    public static String repairObjectName(String requestId) {
        return requestId + ".repaired";
    }

    /**
     * The result of {@code scored}: as scoring judged it when it passed or failed only for defects
     * a repair cannot fix, else after one repair.
     *
     * @throws CancelledException when cancelled before the repaired video was committed
     */
    public VideoResult resultOf(ScoredVideo scored, Cancellation cancellation)
            throws CancelledException {
        VideoResult asScored = withoutRepair(scored, null);
        if (asScored != null) {
            return asScored;
        }
        RenderedVideo video = scored.getVideo();
        QualityReport report = scored.getReport();
        Plan plan = plan(video.getJob(), repairable(report));
        if (plan.repaired().isEmpty()) {
            return VideoResults.degraded(
                    video, report, concat(plan.reasons(), report.getReasons()), clock.instant());
        }
        return rerender(video, report, plan, cancellation);
    }

    /**
     * The result of {@code scored} without repairing it: when it needs no repair, as scored (null
     * if {@code whyNot} is null and a repair is due); else DEGRADED with {@code whyNot} — for the
     * async shell, whose timeout and failure must still answer with the first video.
     */
    public VideoResult withoutRepair(ScoredVideo scored, String whyNot) {
        RenderedVideo video = scored.getVideo();
        QualityReport report = scored.getReport();
        if (video.getError() != null) {
            return VideoResults.failed(video, video.getError(), clock.instant());
        }
        if (report == null) {
            return VideoResults.failed(
                    video,
                    Objects.requireNonNullElse(scored.getScoringError(), "not scored"),
                    clock.instant());
        }
        if (report.getPassed() || repairable(report).isEmpty()) {
            return VideoResults.scored(video, report, clock.instant());
        }
        return whyNot == null
                ? null
                : VideoResults.degraded(
                        video,
                        report,
                        concat(report.getReasons(), List.of(whyNot)),
                        clock.instant());
    }

    /** Failed scenes with at least one defect another picture can fix. */
    static List<SceneQuality> repairable(QualityReport report) {
        List<SceneQuality> scenes = new ArrayList<>();
        for (SceneQuality scene : report.getScenes()) {
            if (!scene.getPassed()
                    && scene.getDefects().stream().anyMatch(REPAIRABLE_DEFECTS::contains)) {
                scenes.add(scene);
            }
        }
        return scenes;
    }

    /**
     * The job with replaced scenes, the indexes replaced, and what was done or could not be, in
     * words users may read.
     */
    private record Plan(RenderJob job, List<Integer> repaired, List<String> reasons) {}

    private static Plan plan(RenderJob job, List<SceneQuality> failed) {
        List<String> reasons = new ArrayList<>();
        if (job == null) {
            for (SceneQuality scene : failed) {
                reasons.add(what(scene) + ": not repaired, the render job is not known");
            }
            return new Plan(null, List.of(), reasons);
        }
        // No asset twice in one video: neither one already shown nor one swapped in for a
        // scene before.
        Set<String> used = new HashSet<>();
        for (SceneClip clip : job.getClips()) {
            if (clip.getMediaUri() != null) {
                used.add(clip.getMediaUri());
            }
        }
        List<SceneClip> clips = new ArrayList<>(job.getClips());
        List<Integer> repaired = new ArrayList<>();
        for (SceneQuality scene : failed) {
            int position = positionOf(clips, scene.getIndex());
            if (position < 0) {
                reasons.add(what(scene) + ": not repaired, the scene is not in the render job");
                continue;
            }
            SceneClip clip = clips.get(position);
            AssetMatch replacement = firstUnused(clip.getAlternatives(), used);
            if (replacement == null) {
                reasons.add(what(scene) + ": not repaired, no unused alternative asset");
                continue;
            }
            used.add(replacement.getUri());
            String how = replaced(clip, replacement);
            String done = what(scene) + ": " + how;
            // The renderer puts the scene in front of a clip's note: it says the rest.
            clips.set(position, replacedClip(clip, replacement, defects(scene) + ": " + how));
            repaired.add(scene.getIndex());
            reasons.add(done);
        }
        RenderJob repairedJob = RenderJob.newBuilder(job).setClips(clips).build();
        return new Plan(repairedJob, repaired, reasons);
    }

    private VideoResult rerender(
            RenderedVideo first, QualityReport firstReport, Plan plan, Cancellation cancellation)
            throws CancelledException {
        RenderedVideo second;
        try {
            second =
                    renderer.render(
                            plan.job(), repairObjectName(first.getRequestId()), cancellation);
        } catch (CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The renderer took back what it had uploaded; the first video stays the result.
            LOG.warn("Re-rendering {} for a repair failed", first.getRequestId(), e);
            List<String> reasons = new ArrayList<>(firstReport.getReasons());
            reasons.add("re-rendering the repaired scenes failed: " + e.getMessage());
            return VideoResults.degraded(first, firstReport, reasons, clock.instant());
        }
        // From here on the repaired video is the result: the first one would be an orphan.
        deleteObjects(first);
        QualityReport secondReport;
        try {
            secondReport = scorer.scoreStored(store, second, cancellation);
        } catch (CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scoring the repaired video of {} failed", first.getRequestId(), e);
            List<String> reasons = new ArrayList<>(plan.reasons());
            reasons.add("scoring the repaired video failed: " + e.getMessage());
            QualityReport unscored =
                    QualityReport.newBuilder(firstReport)
                            .setRepairedScenes(plan.repaired())
                            .setReasons(concat(reasons, firstReport.getReasons()))
                            .build();
            return VideoResults.degraded(second, unscored, reasons, clock.instant());
        }
        QualityReport repaired =
                QualityReport.newBuilder(secondReport)
                        .setRepairedScenes(plan.repaired())
                        .setReasons(concat(plan.reasons(), secondReport.getReasons()))
                        .build();
        if (repaired.getPassed()) {
            return VideoResults.scored(second, repaired, clock.instant());
        }
        return VideoResults.degraded(second, repaired, repaired.getReasons(), clock.instant());
    }

    /** Deletes the first video's objects; a failure leaves an object behind, logged, not fatal. */
    private void deleteObjects(RenderedVideo first) {
        for (String key : Renderer.objectKeys(first.getRunId(), first.getRequestId())) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete {} replaced by a repair", key, e);
            }
        }
    }

    private static int positionOf(List<SceneClip> clips, int sceneIndex) {
        for (int i = 0; i < clips.size(); i++) {
            if (clips.get(i).getScene().getIndex() == sceneIndex) {
                return i;
            }
        }
        return -1;
    }

    private static AssetMatch firstUnused(List<AssetMatch> alternatives, Set<String> used) {
        for (AssetMatch alternative : alternatives) {
            if (alternative.getKind() != AssetKind.MUSIC && !used.contains(alternative.getUri())) {
                return alternative;
            }
        }
        return null;
    }

    /** "scene 2 (black, frozen)". */
    private static String what(SceneQuality scene) {
        return "scene " + scene.getIndex() + " " + defects(scene);
    }

    /** "(black, frozen)". */
    private static String defects(SceneQuality scene) {
        return "(" + String.join(", ", scene.getDefects()).toLowerCase(Locale.ROOT) + ")";
    }

    private static String replaced(SceneClip clip, AssetMatch replacement) {
        String by = "catalog asset " + replacement.getAssetId();
        return switch (clip.getSource()) {
            case STOCK_CLIP, STOCK_PHOTO -> "replaced by the next-best " + by;
            case GENERATED, GENERATED_PHOTO ->
                    "generated media replaced by its best stock alternative, " + by;
            case TITLE_CARD -> "title card replaced by its best stock alternative, " + by;
        };
    }

    private static SceneClip replacedClip(SceneClip clip, AssetMatch replacement, String note) {
        List<AssetMatch> left = new ArrayList<>(clip.getAlternatives());
        left.remove(replacement);
        return SceneClip.newBuilder(clip)
                .setSource(
                        replacement.getKind() == AssetKind.CLIP
                                ? ClipSource.STOCK_CLIP
                                : ClipSource.STOCK_PHOTO)
                .setMediaUri(replacement.getUri())
                .setCredit(replacement.getCredit())
                .setDegraded(false)
                .setNote("repaired " + note)
                .setAlternatives(left)
                .build();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
