package io.reelflow.operators.plan;

import io.reelflow.operators.language.DetectedLanguage;
import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.render.RenderFonts;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.VideoRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Stages 1 and 2 together: detect the language of a request, then split it into timed scenes — with
 * the rule-based analyzer, or with a model planner when one is configured (which falls back to the
 * rules by itself and says why in the plan's warnings). Then each scene gets its English prompt
 * with the request's style from the {@link PromptWriter} (a model planner's own prompt is kept and
 * only styled and fitted). With the render fonts given, it also warns when the text has scripts no
 * font can draw, before any clip is generated for it.
 */
public final class ScenePlanner {
    private final LanguageDetector detector;
    private final SceneAnalyzer analyzer;
    private final ModelAssistedSceneAnalyzer modelPlanner;
    private final RenderFonts fonts;
    private final PromptWriter prompts;

    public ScenePlanner(LanguageDetector detector, SceneAnalyzer analyzer) {
        this(detector, analyzer, null, null);
    }

    /** With {@code modelPlanner} null, scenes come from the rule-based analyzer only. */
    public ScenePlanner(
            LanguageDetector detector,
            SceneAnalyzer analyzer,
            ModelAssistedSceneAnalyzer modelPlanner) {
        this(detector, analyzer, modelPlanner, null);
    }

    /**
     * With {@code fonts} (the renderer's, may be null for no check), a plan whose text has scripts
     * no font covers carries a warning naming them; the video is still made, without that text in
     * its picture.
     */
    public ScenePlanner(
            LanguageDetector detector,
            SceneAnalyzer analyzer,
            ModelAssistedSceneAnalyzer modelPlanner,
            RenderFonts fonts) {
        this(detector, analyzer, modelPlanner, fonts, PromptWriter.glossaryOnly(PromptLimit.CLIP));
    }

    /** With {@code prompts}, the writer of the scenes' prompts (translator, limit, cache). */
    public ScenePlanner(
            LanguageDetector detector,
            SceneAnalyzer analyzer,
            ModelAssistedSceneAnalyzer modelPlanner,
            RenderFonts fonts,
            PromptWriter prompts) {
        this.detector = detector;
        this.analyzer = analyzer;
        this.modelPlanner = modelPlanner;
        this.fonts = fonts;
        this.prompts = prompts;
    }

    public ScenePlan plan(AcceptedRequest accepted) {
        VideoRequest request = accepted.getRequest();
        DetectedLanguage language = detector.detect(request.getText(), request.getLanguageHint());
        List<String> warnings = new ArrayList<>(language.warnings());
        double seconds = accepted.getSpec().getTargetDurationSeconds();
        List<Scene> scenes;
        boolean fromModel = false;
        if (modelPlanner == null) {
            scenes = analyzer.analyze(request.getText(), language.code(), seconds);
        } else {
            ModelAssistedSceneAnalyzer.Result planned =
                    modelPlanner.plan(request.getText(), language.code(), seconds);
            scenes = planned.scenes();
            fromModel = planned.fromModel();
            warnings.add(
                    planned.fromModel()
                            ? "scenes planned by the model planner"
                            : "model planner not used: " + planned.fallbackReason());
        }
        scenes =
                withPrompts(
                        scenes,
                        language.code(),
                        accepted.getSpec().getStyle(),
                        fromModel,
                        warnings);
        if (fonts != null) {
            fonts.warningFor(request.getText()).ifPresent(warnings::add);
        }
        return ScenePlan.newBuilder()
                .setRequestId(request.getRequestId())
                .setRunId(accepted.getRunId())
                .setLanguage(language.code())
                .setLanguageConfidence(language.confidence())
                .setSpec(accepted.getSpec())
                .setScenes(scenes)
                .setWarnings(warnings)
                .build();
    }

    private List<Scene> withPrompts(
            List<Scene> scenes,
            String language,
            String style,
            boolean fromModel,
            List<String> warnings) {
        List<Scene> written = new ArrayList<>(scenes.size());
        for (Scene scene : scenes) {
            if (fromModel) {
                Scene styled = Scene.newBuilder(scene).build();
                styled.setPrompt(prompts.restyle(scene.getPrompt(), style));
                written.add(styled);
            } else {
                written.add(prompts.rewrite(scene, language, style, warnings));
            }
        }
        return written;
    }

    /** One task per scene, so scenes are retrieved and generated in parallel. */
    public static List<SceneTask> tasksOf(ScenePlan plan) {
        List<SceneTask> tasks = new ArrayList<>(plan.getScenes().size());
        List<AssetMatch> assets = plan.getSceneAssets();
        List<List<AssetMatch>> alternatives = plan.getSceneAlternatives();
        for (int i = 0; i < plan.getScenes().size(); i++) {
            Scene scene = plan.getScenes().get(i);
            tasks.add(
                    SceneTask.newBuilder()
                            .setRequestId(plan.getRequestId())
                            .setRunId(plan.getRunId())
                            .setLanguage(plan.getLanguage())
                            .setSceneCount(plan.getScenes().size())
                            .setSpec(plan.getSpec())
                            .setScene(scene)
                            .setAsset(i < assets.size() ? assets.get(i) : null)
                            .setAlternatives(
                                    i < alternatives.size() ? alternatives.get(i) : List.of())
                            .build());
        }
        return tasks;
    }
}
