package io.reelflow.operators.plan;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.language.LanguageDetectorConfig;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.operators.status.StatusEvents;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Flink shell around {@link ScenePlanner}; the language models are shared by all subtasks of a JVM.
 */
public class PlanScenesFunction extends ProcessFunction<AcceptedRequest, ScenePlan> {
    private final LanguageDetectorConfig languageConfig;
    private final SceneAnalyzerConfig sceneConfig;
    private final Clock clock;

    private transient ScenePlanner planner;

    public PlanScenesFunction(
            LanguageDetectorConfig languageConfig, SceneAnalyzerConfig sceneConfig, Clock clock) {
        this.languageConfig = languageConfig;
        this.sceneConfig = sceneConfig;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        planner =
                new ScenePlanner(
                        LanguageDetector.shared(languageConfig), new SceneAnalyzer(sceneConfig));
    }

    @Override
    public void processElement(AcceptedRequest request, Context ctx, Collector<ScenePlan> out) {
        ScenePlan plan = planner.plan(request);
        out.collect(plan);
        for (StatusEvent event : StatusEvents.planned(plan, clock.instant())) {
            ctx.output(SideOutputs.STATUS, event);
        }
    }
}
