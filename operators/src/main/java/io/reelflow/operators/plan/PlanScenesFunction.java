package io.reelflow.operators.plan;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.language.LanguageDetectorConfig;
import io.reelflow.operators.render.RenderFonts;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.operators.scene.llm.OpenAiScenePlannerConfig;
import io.reelflow.operators.scene.llm.OpenAiScenePlannerModel;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.ScenePlan;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async Flink shell around {@link ScenePlanner}. Async because the optional model planner is an
 * HTTP call; the language models and the render fonts are shared by all subtasks of a JVM. A
 * planner failure or timeout still yields a plan: the rule-based one, with the reason among its
 * warnings.
 */
public class PlanScenesFunction extends BlockingAsyncFunction<AcceptedRequest, ScenePlan> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanScenesFunction.class);

    private final LanguageDetectorConfig languageConfig;
    private final SceneAnalyzerConfig sceneConfig;
    private final OpenAiScenePlannerConfig modelPlannerConfig;
    private final RenderFonts fonts;

    private transient ScenePlanner planner;
    private transient ScenePlanner rulesOnly;

    /**
     * @param modelPlannerConfig the OpenAI-compatible planner sidecar, or null for rules only
     * @param fonts the fonts videos are rendered with, to warn about scripts they lack; null for no
     *     check
     */
    public PlanScenesFunction(
            LanguageDetectorConfig languageConfig,
            SceneAnalyzerConfig sceneConfig,
            OpenAiScenePlannerConfig modelPlannerConfig,
            RenderFonts fonts,
            int threads,
            int capacity) {
        super(threads, capacity);
        this.languageConfig = languageConfig;
        this.sceneConfig = sceneConfig;
        this.modelPlannerConfig = modelPlannerConfig;
        this.fonts = fonts;
    }

    @Override
    protected void openResources() {
        LanguageDetector detector = LanguageDetector.shared(languageConfig);
        SceneAnalyzer analyzer = new SceneAnalyzer(sceneConfig);
        rulesOnly = new ScenePlanner(detector, analyzer, null, fonts);
        planner =
                modelPlannerConfig == null
                        ? rulesOnly
                        : new ScenePlanner(
                                detector,
                                analyzer,
                                new ModelAssistedSceneAnalyzer(
                                        analyzer, new OpenAiScenePlannerModel(modelPlannerConfig)),
                                fonts);
    }

    @Override
    protected ScenePlan process(AcceptedRequest request) {
        return planner.plan(request);
    }

    @Override
    protected ScenePlan onFailure(AcceptedRequest request, Throwable failure) {
        LOG.warn(
                "Planning failed for {}; using the rules",
                request.getRequest().getRequestId(),
                failure);
        return withWarning(rulesOnly.plan(request), "planning failed, rules used: " + failure);
    }

    @Override
    protected ScenePlan onTimeout(AcceptedRequest request) {
        return withWarning(rulesOnly.plan(request), "planning timed out, rules used");
    }

    @Override
    protected void closeResources() {}

    private static ScenePlan withWarning(ScenePlan plan, String warning) {
        List<String> warnings = new ArrayList<>(plan.getWarnings());
        warnings.add(warning);
        plan.setWarnings(warnings);
        return plan;
    }
}
