package io.reelflow.operators.port;

import java.util.List;

/**
 * One scene as a {@link ScenePlannerModel} proposes it. Only {@code text} is required; the rest are
 * suggestions that {@code scene.ModelAssistedSceneAnalyzer} checks and, where invalid, replaces
 * with its own.
 *
 * @param text the scene's part of the request text, verbatim
 * @param durationSeconds suggested length, used as a weight (the total is always the request's)
 * @param mood a {@code Vocabulary} label of a {@code Mood} ({@code calm}, …), or null
 * @param cameraCues {@code Vocabulary} labels of {@code CameraMove}s such as {@code aerial} or
 *     {@code close-up}
 * @param timeCues labels such as {@code sunset} or {@code winter}
 * @param prompt an English generation prompt, or null
 */
public record PlannedScene(
        String text,
        double durationSeconds,
        String mood,
        List<String> cameraCues,
        List<String> timeCues,
        String prompt) {

    public PlannedScene {
        text = text == null ? "" : text;
        cameraCues = cameraCues == null ? List.of() : List.copyOf(cameraCues);
        timeCues = timeCues == null ? List.of() : List.copyOf(timeCues);
    }
}
