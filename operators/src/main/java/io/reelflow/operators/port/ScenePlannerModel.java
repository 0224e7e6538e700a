package io.reelflow.operators.port;

import java.util.List;

/**
 * A model that plans scenes (a language model behind an HTTP sidecar, say). Implementations may
 * block and may fail in any way: {@code scene.ModelAssistedSceneAnalyzer} treats every exception,
 * invalid plan or late answer as "no plan" and falls back to the rule-based {@code SceneAnalyzer}.
 */
public interface ScenePlannerModel {

    /**
     * The scenes of {@code text}, in order, each with its part of the text verbatim.
     *
     * @param language ISO 639-1 code of the text, or {@code "und"}
     * @param targetDurationSeconds length of the video
     * @param maxScenes most scenes wanted
     */
    List<PlannedScene> plan(
            String text, String language, double targetDurationSeconds, int maxScenes)
            throws Exception;
}
