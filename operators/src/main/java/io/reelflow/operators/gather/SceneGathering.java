package io.reelflow.operators.gather;

import io.reelflow.operators.status.VideoResults;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.VideoResult;
import java.time.Duration;
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
    /**
     * How long a request may go without a scene arriving: longer than the generation stage's
     * operator timeout with its defaults, so a scene still generating is never given up on here.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(90);

    private SceneGathering() {}

    /**
     * Fails fast when the gather timeout would fail requests whose scenes are still legitimately
     * generating: it must exceed the longest a single scene can take in the generation operator.
     *
     * @param gatherTimeout the gather timeout (renewed by every clip)
     * @param generationTimeout the generation operator's total timeout per scene
     * @throws IllegalArgumentException naming both values
     */
    public static void requireTimeoutCovers(Duration gatherTimeout, Duration generationTimeout) {
        if (gatherTimeout.compareTo(generationTimeout) <= 0) {
            throw new IllegalArgumentException(
                    "The gather timeout ("
                            + gatherTimeout
                            + ") must exceed the generation operator's timeout ("
                            + generationTimeout
                            + ", job deadline x attempts per model plus the queue allowance),"
                            + " or requests whose scenes are still generating would fail");
        }
    }

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

    /**
     * The render job: the plan's settings, narration and what it says about the video (warnings as
     * notes, reasons it is already degraded), and one clip per scene, in scene order.
     */
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
                .setNarrationUri(plan.getNarrationUri())
                .setNotes(plan.getWarnings())
                .setDegradedReasons(plan.getDegradedReasons())
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
                .setTargetDurationSeconds(VideoResults.targetSeconds(plan.getSpec()))
                .setNotes(plan.getWarnings())
                .setCallbackUrl(VideoResults.callbackUrl(plan.getSpec()))
                .setCompletedAt(at)
                .build();
    }
}
