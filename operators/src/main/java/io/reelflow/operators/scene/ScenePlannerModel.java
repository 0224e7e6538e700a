package io.reelflow.operators.scene;

import java.util.List;

/**
 * A model that plans scenes (a language model behind an HTTP sidecar, say). Implementations may
 * block and may fail in any way: {@link ModelAssistedSceneAnalyzer} treats every exception, invalid
 * plan or late answer as "no plan" and falls back to the rule-based {@link SceneAnalyzer}.
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
