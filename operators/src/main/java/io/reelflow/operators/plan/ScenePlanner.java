package io.reelflow.operators.plan;

import io.reelflow.operators.language.DetectedLanguage;
import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.VideoRequest;
import java.util.ArrayList;
import java.util.List;

/** Stages 1 and 2 together: detect the language of a request, then split it into timed scenes. */
public final class ScenePlanner {
    private final LanguageDetector detector;
    private final SceneAnalyzer analyzer;

    public ScenePlanner(LanguageDetector detector, SceneAnalyzer analyzer) {
        this.detector = detector;
        this.analyzer = analyzer;
    }

    public ScenePlan plan(AcceptedRequest accepted) {
        VideoRequest request = accepted.getRequest();
        DetectedLanguage language = detector.detect(request.getText(), request.getLanguageHint());
        List<Scene> scenes =
                analyzer.analyze(
                        request.getText(),
                        language.code(),
                        accepted.getSpec().getTargetDurationSeconds());
        return ScenePlan.newBuilder()
                .setRequestId(request.getRequestId())
                .setRunId(accepted.getRunId())
                .setLanguage(language.code())
                .setLanguageConfidence(language.confidence())
                .setSpec(accepted.getSpec())
                .setScenes(scenes)
                .setWarnings(new ArrayList<>(language.warnings()))
                .build();
    }

    /** One task per scene, so scenes are retrieved and generated in parallel. */
    public static List<SceneTask> tasksOf(ScenePlan plan) {
        List<SceneTask> tasks = new ArrayList<>(plan.getScenes().size());
        for (Scene scene : plan.getScenes()) {
            tasks.add(
                    SceneTask.newBuilder()
                            .setRequestId(plan.getRequestId())
                            .setRunId(plan.getRunId())
                            .setLanguage(plan.getLanguage())
                            .setSceneCount(plan.getScenes().size())
                            .setSpec(plan.getSpec())
                            .setScene(scene)
                            .setAsset(null)
                            .build());
        }
        return tasks;
    }

    /**
     * The key that spreads the scenes of one request over the parallel retrieval/generation tasks.
     */
    public static String sceneKey(SceneTask task) {
        return task.getRequestId() + "/" + task.getScene().getIndex();
    }
}
