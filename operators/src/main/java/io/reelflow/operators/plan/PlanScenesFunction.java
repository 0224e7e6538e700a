package io.reelflow.operators.plan;

import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.language.LanguageDetectorConfig;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.port.ScenePlannerModelFactory;
import io.reelflow.operators.port.Translator;
import io.reelflow.operators.port.TranslatorFactory;
import io.reelflow.operators.render.RenderFonts;
import io.reelflow.operators.scene.Glossary;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import io.reelflow.operators.scene.PromptLimit;
import io.reelflow.operators.scene.PromptWriter;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.operators.scene.StoredTranslator;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.ScenePlan;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async Flink shell around {@link ScenePlanner}. Async because the optional model planner and
 * translator are HTTP calls (through their ports); the language models and the render fonts are
 * shared by all subtasks of a JVM. A planner failure or timeout still yields a plan: the rule-based
 * one, with the reason among its warnings; a translation failure yields glossary prompts.
 */
public class PlanScenesFunction extends BlockingAsyncFunction<AcceptedRequest, ScenePlan> {
    private static final Logger LOG = LoggerFactory.getLogger(PlanScenesFunction.class);

    private final LanguageDetectorConfig languageConfig;
    private final SceneAnalyzerConfig sceneConfig;
    private final ScenePlannerModelFactory modelPlanner;
    private final TranslatorFactory translator;
    private final ObjectStoreFactory translations;
    private final PromptLimit promptLimit;
    private final int promptCacheSize;
    private final RenderFonts fonts;

    private transient ScenePlanner planner;
    private transient ScenePlanner rulesOnly;
    private transient ObjectStore translationStore;

    /**
     * @param modelPlanner the model planner's adapter, or null for rules only
     * @param translator the translation model's adapter, or null to translate prompts through the
     *     glossary
     * @param translations where the translator's answers are kept ({@link StoredTranslator}), or
     *     null to keep them in memory only
     * @param promptLimit how long a prompt may be
     * @param promptCacheSize prompts kept per subtask
     * @param fonts the fonts videos are rendered with, to warn about scripts they lack; null for no
     *     check
     */
    public PlanScenesFunction(
            LanguageDetectorConfig languageConfig,
            SceneAnalyzerConfig sceneConfig,
            ScenePlannerModelFactory modelPlanner,
            TranslatorFactory translator,
            ObjectStoreFactory translations,
            PromptLimit promptLimit,
            int promptCacheSize,
            RenderFonts fonts,
            int threads,
            int capacity) {
        super(threads, capacity);
        this.languageConfig = languageConfig;
        this.sceneConfig = sceneConfig;
        this.modelPlanner = modelPlanner;
        this.translator = translator;
        this.translations = translations;
        this.promptLimit = promptLimit;
        this.promptCacheSize = promptCacheSize;
        this.fonts = fonts;
    }

    @Override
    protected String stage() {
        return "plan";
    }

    @Override
    protected void openResources() {
        LanguageDetector detector = LanguageDetector.shared(languageConfig);
        SceneAnalyzer analyzer = new SceneAnalyzer(sceneConfig);
        PromptWriter prompts =
                new PromptWriter(Glossary.standard(), promptLimit, translator(), promptCacheSize);
        // the fallback after a failure or timeout asks no model at all
        rulesOnly =
                new ScenePlanner(
                        detector,
                        analyzer,
                        null,
                        fonts,
                        new PromptWriter(Glossary.standard(), promptLimit, null, promptCacheSize));
        planner =
                new ScenePlanner(
                        detector,
                        analyzer,
                        modelPlanner == null
                                ? null
                                : new ModelAssistedSceneAnalyzer(analyzer, modelPlanner.create()),
                        fonts,
                        prompts);
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

    /** The translator, its answers kept in the object store when one is given; null if none. */
    private Translator translator() {
        if (translator == null) {
            return null;
        }
        if (translations == null) {
            return translator.create();
        }
        translationStore = translations.create();
        return new StoredTranslator(translator.create(), translationStore);
    }

    @Override
    protected void closeResources() {
        if (translationStore != null) {
            translationStore.close();
        }
    }

    private static ScenePlan withWarning(ScenePlan plan, String warning) {
        List<String> warnings = new ArrayList<>(plan.getWarnings());
        warnings.add(warning);
        plan.setWarnings(warnings);
        return plan;
    }
}
