package io.reelflow.it;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.common.CancelledException;
import io.reelflow.operators.quality.QualityScorer;
import io.reelflow.operators.quality.VideoScorer;
import io.reelflow.operators.quality.VideoScorerFactory;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneQuality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in scorer plus a per-scene verdict that fails, as BLACK, every scene showing a catalog
 * asset whose id starts with {@link #FLAGGED_PREFIX}: the test hook ({@code
 * reelflow.quality.scorer-factory}) that lets {@link RepairITCase} choose the scene a repair must
 * fix while no per-scene black detection exists on this branch.
 */
public final class FlaggedAssetScorer implements VideoScorerFactory {
    static final String FLAGGED_PREFIX = "flagged-";

    @Override
    public VideoScorer create() {
        QualityScorer whole = new QualityScorer();
        return (file, video, cancellation) -> withScenes(whole, file, video, cancellation);
    }

    private static QualityReport withScenes(
            QualityScorer whole, Path file, RenderedVideo video, Cancellation cancellation)
            throws CancelledException {
        QualityReport report = whole.score(file, video, cancellation);
        List<SceneQuality> scenes = new ArrayList<>();
        List<String> reasons = new ArrayList<>(report.getReasons());
        boolean passed = report.getPassed();
        for (SceneClip clip : video.getJob().getClips()) {
            boolean flagged =
                    clip.getCredit() != null
                            && clip.getCredit().getAssetId().startsWith(FLAGGED_PREFIX);
            int index = clip.getScene().getIndex();
            List<String> why = flagged ? List.of("scene " + index + " is black") : List.of();
            reasons.addAll(why);
            passed &= !flagged;
            scenes.add(
                    SceneQuality.newBuilder()
                            .setIndex(index)
                            .setStartSeconds(clip.getScene().getStartSeconds())
                            .setEndSeconds(clip.getScene().getEndSeconds())
                            .setScore(flagged ? 0 : 100)
                            .setPassed(!flagged)
                            .setReasons(why)
                            .setDefects(flagged ? List.of("BLACK") : List.of())
                            .setSignals(Map.of())
                            .build());
        }
        return QualityReport.newBuilder(report)
                .setPassed(passed)
                .setReasons(reasons)
                .setScenes(scenes)
                .build();
    }
}
