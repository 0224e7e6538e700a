package io.reelflow.benchmarks.generation;

import io.reelflow.operators.generation.ModelProfile;
import io.reelflow.operators.port.MediaKind;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.Transition;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The scenes and the model of the generation benchmarks: one-scene tasks whose prompts differ in
 * their number and run, so no two share a content key (no cache hit, no shared submission), at a
 * small size so that the fake's encoding does not dominate.
 *
 * @param runId part of every prompt, so a later run never finds an earlier run's clips
 * @param width clip width in pixels
 * @param height clip height in pixels
 * @param fps frames per second
 * @param seconds clip length
 */
public record BenchmarkScenes(String runId, int width, int height, int fps, double seconds)
        implements Serializable {

    private static final String[] SUBJECTS = {
        "a lighthouse on a cliff", "a fishing boat at dawn", "a city street in the rain",
        "a field of sunflowers", "a snowy mountain pass", "a market stall with oranges"
    };

    /** The model every benchmark scene goes to, on {@code endpoints}. */
    public static ModelProfile model(
            List<String> endpoints, Duration pollInterval, Duration jobDeadline) {
        return ModelProfile.builder("reference-demo", "1", MediaKind.VIDEO)
                .endpoints(endpoints.toArray(String[]::new))
                .pollInterval(pollInterval)
                .jobDeadline(jobDeadline)
                .build();
    }

    /** Scene {@code index}: a one-scene request with a prompt no other index or run has. */
    public SceneTask task(long index) {
        RenderSpec spec =
                RenderSpec.newBuilder()
                        .setWidth(width)
                        .setHeight(height)
                        .setFps(fps)
                        .setTargetDurationSeconds(seconds)
                        .setSubtitles(false)
                        .setStyle(null)
                        .setTransition(Transition.CUT)
                        .setTransitionSeconds(0)
                        .setMusic(false)
                        .build();
        Scene scene =
                Scene.newBuilder()
                        .setIndex(0)
                        .setText("Scene " + index + ".")
                        .setStartSeconds(0)
                        .setEndSeconds(seconds)
                        .setKeywords(List.of())
                        .setEntities(List.of())
                        .setSceneMood(Mood.NEUTRAL)
                        .setCameraMoves(List.of())
                        .setTimeCues(List.of())
                        .setPrompt(promptOf(index))
                        .build();
        return SceneTask.newBuilder()
                .setRequestId(runId + "-" + index)
                .setRunId(runId)
                .setLanguage("en")
                .setSceneCount(1)
                .setSpec(spec)
                .setScene(scene)
                .setAsset(null)
                .build();
    }

    /** Distinct per index and run. */
    String promptOf(long index) {
        return SUBJECTS[(int) (index % SUBJECTS.length)]
                + ", shot "
                + index
                + " of benchmark run "
                + runId;
    }
}
