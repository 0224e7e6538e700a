package io.reelflow.operators.gather;

import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The rules of gathering the scenes of one request: when it is complete, and what is missing. */
public final class SceneGathering {
    private SceneGathering() {}

    /** Scene indexes of the plan that have no clip yet. */
    public static Set<Integer> missing(ScenePlan plan, Collection<SceneClip> clips) {
        Set<Integer> missing = new TreeSet<>();
        IntStream.range(0, plan.getScenes().size()).forEach(missing::add);
        clips.forEach(c -> missing.remove(c.getScene().getIndex()));
        return missing;
    }

    /** True once every scene of the plan has a clip. */
    public static boolean isComplete(ScenePlan plan, Collection<SceneClip> clips) {
        return missing(plan, clips).isEmpty();
    }

    /** The render job: the plan's settings and one clip per scene, in scene order. */
    public static RenderJob renderJob(ScenePlan plan, Collection<SceneClip> clips) {
        List<SceneClip> ordered = new ArrayList<>(clips);
        ordered.sort(Comparator.comparingInt(c -> c.getScene().getIndex()));
        return RenderJob.newBuilder()
                .setRequestId(plan.getRequestId())
                .setRunId(plan.getRunId())
                .setLanguage(plan.getLanguage())
                .setSpec(plan.getSpec())
                .setClips(ordered)
                .setMusic(plan.getMusic())
                .build();
    }

    /** The failed result of a request whose scenes did not all arrive in time. */
    public static VideoResult timedOut(ScenePlan plan, Collection<SceneClip> clips, Instant at) {
        return VideoResult.newBuilder()
                .setRequestId(plan.getRequestId())
                .setRunId(plan.getRunId())
                .setStatus(ResultStatus.FAILED)
                .setLanguage(plan.getLanguage())
                .setSceneCount(plan.getScenes().size())
                .setError("timed out waiting for scenes " + missing(plan, clips))
                .setCompletedAt(at)
                .build();
    }
}
