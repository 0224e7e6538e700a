package io.reelflow.operators.scene;

import io.reelflow.operators.common.LanguageTags;
import io.reelflow.operators.port.PlannedScene;
import io.reelflow.operators.port.ScenePlannerModel;
import io.reelflow.operators.scene.internal.TextNormalizer;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Mood;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scene analysis with an optional model planner: the model proposes how the text falls into scenes
 * (and may suggest mood, camera and time cues and a prompt); this class checks the plan and makes
 * its timings exact; any failure, timeout or invalid plan falls back to the rule-based {@link
 * SceneAnalyzer}. Blocks for as long as the model does: call it off the Flink task thread.
 *
 * <pre>{@code
 * ModelAssistedSceneAnalyzer planner = new ModelAssistedSceneAnalyzer(analyzer, model);
 * List<Scene> scenes = planner.plan(text, "de", 30.0).scenes();
 * }</pre>
 */
public final class ModelAssistedSceneAnalyzer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelAssistedSceneAnalyzer.class);

    /** Moods a plan may name: the {@link Vocabulary} labels of every {@link Mood}. */
    public static final Set<String> MOODS = moodLabels();

    /** Camera cues a plan may name: the labels of every known {@link CameraMove}. */
    public static final Set<String> CAMERA_CUES = cameraLabels();

    /** Time cues a plan may name. */
    public static final Set<String> TIME_CUES =
            Set.of(
                    "dawn", "morning", "noon", "sunset", "night", "spring", "summer", "autumn",
                    "winter");

    private static final int MAX_PROMPT_LENGTH = 500;

    /**
     * Scenes and where they came from.
     *
     * @param scenes the timed scenes
     * @param fromModel whether the model's plan was used
     * @param fallbackReason why the rule-based analyzer was used instead; null if it was not
     */
    public record Result(List<Scene> scenes, boolean fromModel, String fallbackReason) {}

    private final SceneAnalyzer analyzer;
    private final ScenePlannerModel model;

    public ModelAssistedSceneAnalyzer(SceneAnalyzer analyzer, ScenePlannerModel model) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The scenes of {@code text}; see {@link SceneAnalyzer#analyze} for the guarantees. */
    public Result plan(String text, String language, double targetDurationSeconds) {
        if (!(targetDurationSeconds > 0.0) || Double.isInfinite(targetDurationSeconds)) {
            throw new IllegalArgumentException(
                    "targetDurationSeconds must be positive and finite, was "
                            + targetDurationSeconds);
        }
        String reason;
        try {
            List<PlannedScene> planned =
                    model.plan(
                            text == null ? "" : text,
                            LanguageTags.primaryLanguage(language),
                            targetDurationSeconds,
                            analyzer.config().maxScenes());
            reason = problem(planned, text);
            if (reason == null) {
                List<Scene> scenes = toScenes(planned, language, targetDurationSeconds);
                if (scenes != null) {
                    return new Result(scenes, true, null);
                }
                reason = "a planned scene has nothing to speak";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        } catch (Exception e) {
            reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        LOG.debug("Scene planner model not used: {}", reason);
        return new Result(analyzer.analyze(text, language, targetDurationSeconds), false, reason);
    }

    /** What is wrong with a plan, or null if it can be used. */
    private String problem(List<PlannedScene> planned, String text) {
        if (planned == null || planned.isEmpty()) {
            return "the plan has no scenes";
        }
        if (planned.size() > analyzer.config().maxScenes()) {
            return "the plan has " + planned.size() + " scenes, more than the maximum";
        }
        StringBuilder joined = new StringBuilder();
        for (PlannedScene scene : planned) {
            if (scene == null) {
                return "the plan has a null scene";
            }
            joined.append(scene.text()).append('\n');
        }
        // subtitles come from the scenes: the plan must keep every word of the text, in order
        if (!letters(TextNormalizer.normalize(joined.toString()))
                .equals(letters(TextNormalizer.normalize(text)))) {
            return "the plan does not reproduce the text";
        }
        return null;
    }

    private List<Scene> toScenes(List<PlannedScene> planned, String language, double total) {
        List<String> texts = new ArrayList<>(planned.size());
        double[] weights = new double[planned.size()];
        double known = 0.0;
        int knownCount = 0;
        for (PlannedScene scene : planned) {
            if (scene.durationSeconds() > 0.0 && Double.isFinite(scene.durationSeconds())) {
                known += scene.durationSeconds();
                knownCount++;
            }
        }
        double otherwise = knownCount > 0 ? known / knownCount : 1.0;
        for (int i = 0; i < weights.length; i++) {
            PlannedScene scene = planned.get(i);
            texts.add(scene.text());
            double d = scene.durationSeconds();
            weights[i] = d > 0.0 && Double.isFinite(d) ? d : otherwise;
        }
        List<Scene> scenes = analyzer.fromTexts(texts, weights, language, total);
        if (scenes == null) {
            return null;
        }
        List<Scene> result = new ArrayList<>(scenes.size());
        for (int i = 0; i < scenes.size(); i++) {
            result.add(withSuggestions(scenes.get(i), planned.get(i)));
        }
        return result;
    }

    /** The model's valid suggestions replace ours; invalid ones are ignored. */
    private static Scene withSuggestions(Scene scene, PlannedScene planned) {
        Scene.Builder builder = Scene.newBuilder(scene);
        if (planned.mood() != null && MOODS.contains(planned.mood())) {
            builder.setSceneMood(Vocabulary.mood(planned.mood()));
        }
        List<CameraMove> camera = new ArrayList<>();
        for (String label : known(planned.cameraCues(), CAMERA_CUES)) {
            camera.add(Vocabulary.cameraMove(label));
        }
        if (!camera.isEmpty()) {
            builder.setCameraMoves(camera);
        }
        List<String> time = known(planned.timeCues(), TIME_CUES);
        if (!time.isEmpty()) {
            builder.setTimeCues(time);
        }
        String prompt = planned.prompt();
        if (prompt != null && !prompt.isBlank() && prompt.length() <= MAX_PROMPT_LENGTH) {
            builder.setPrompt(prompt.strip());
        }
        return builder.build();
    }

    private static List<String> known(List<String> labels, Set<String> allowed) {
        List<String> kept = new ArrayList<>();
        for (String label : labels) {
            if (label != null && allowed.contains(label) && !kept.contains(label)) {
                kept.add(label);
            }
        }
        return kept;
    }

    private static Set<String> moodLabels() {
        Set<String> labels = new LinkedHashSet<>();
        for (Mood mood : Mood.values()) {
            labels.add(Vocabulary.label(mood));
        }
        return Set.copyOf(labels);
    }

    private static Set<String> cameraLabels() {
        Set<String> labels = new LinkedHashSet<>();
        for (CameraMove move : CameraMove.values()) {
            if (move != CameraMove.UNKNOWN) {
                labels.add(Vocabulary.label(move));
            }
        }
        return Set.copyOf(labels);
    }

    private static String letters(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
