package io.reelflow.operators.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.language.LanguageDetectorConfig;
import io.reelflow.operators.port.PlannedScene;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.RenderFonts;
import io.reelflow.operators.render.ScriptSamples;
import io.reelflow.operators.scene.ModelAssistedSceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.operators.status.StatusEvents;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link ScenePlanner}. */
class ScenePlannerTest {
    private static final String TEXT =
            "The storm rolls in over the harbour. Fishing boats hurry home before dark.";

    private final LanguageDetector detector =
            LanguageDetector.shared(LanguageDetectorConfig.defaults());
    private final SceneAnalyzer analyzer = new SceneAnalyzer(SceneAnalyzerConfig.defaults());

    private static AcceptedRequest request(String text, double seconds) {
        return AcceptedRequest.newBuilder()
                .setRunId(Fixtures.RUN_ID)
                .setRequest(
                        VideoRequest.newBuilder()
                                .setRequestId("plan-1")
                                .setText(text)
                                .setAttributes(Map.of())
                                .build())
                .setSpec(Fixtures.spec(seconds))
                .setReceivedAt(Instant.EPOCH)
                .build();
    }

    @Test
    void shouldDetectLanguageAndTimeScenesExactly() {
        ScenePlan plan = new ScenePlanner(detector, analyzer).plan(request(TEXT, 9.0));

        assertThat(plan.getLanguage()).isEqualTo("en");
        assertThat(plan.getLanguageConfidence()).isGreaterThan(0.5);
        assertThat(plan.getScenes()).isNotEmpty();
        assertThat(plan.getScenes().get(0).getStartSeconds()).isZero();
        assertThat(plan.getScenes().get(plan.getScenes().size() - 1).getEndSeconds())
                .isEqualTo(9.0);
        assertThat(ScenePlanner.tasksOf(plan)).hasSize(plan.getScenes().size());
    }

    @Test
    void shouldGiveEachSceneTaskTheAssetRetrievedForItsScene() {
        ScenePlan plan = Fixtures.plan("plan-2", 3);
        AssetMatch forSecondScene =
                AssetMatch.newBuilder()
                        .setAssetId("harbour")
                        .setUri("s3://bucket/assets/harbour.jpg")
                        .setKind(AssetKind.PHOTO)
                        .setScore(0.8)
                        .setCredit(
                                Credit.newBuilder()
                                        .setAssetId("harbour")
                                        .setUri("s3://bucket/assets/harbour.jpg")
                                        .build())
                        .build();
        plan.setSceneAssets(Arrays.asList(null, forSecondScene, null));
        plan.setSceneAlternatives(List.of(List.of(), List.of(), List.of(forSecondScene)));

        List<SceneTask> tasks = ScenePlanner.tasksOf(plan);

        assertThat(tasks)
                .extracting(SceneTask::getAsset)
                .containsExactly(null, forSecondScene, null);
        assertThat(tasks)
                .extracting(SceneTask::getAlternatives)
                .containsExactly(List.of(), List.of(), List.of(forSecondScene));
        assertThat(ScenePlanner.tasksOf(Fixtures.plan("plan-3", 2)))
                .extracting(SceneTask::getAsset)
                .containsOnlyNulls();
    }

    @Test
    void shouldUseTheModelsPlanWhenItIsValid() {
        ModelAssistedSceneAnalyzer model =
                new ModelAssistedSceneAnalyzer(
                        analyzer,
                        (text, language, seconds, maxScenes) ->
                                List.of(
                                        new PlannedScene(
                                                TEXT,
                                                seconds,
                                                "tense",
                                                List.of("wide"),
                                                List.of("night"),
                                                "wide shot of a harbour in a storm at night")));

        ScenePlan plan = new ScenePlanner(detector, analyzer, model).plan(request(TEXT, 6.0));

        assertThat(plan.getScenes()).hasSize(1);
        assertThat(plan.getScenes().get(0).getPrompt()).contains("harbour in a storm");
        assertThat(plan.getScenes().get(0).getEndSeconds()).isEqualTo(6.0);
        assertThat(plan.getWarnings()).contains("scenes planned by the model planner");
    }

    @Test
    void shouldFallBackToTheRulesAndSayWhyWhenTheModelFails() {
        ModelAssistedSceneAnalyzer model =
                new ModelAssistedSceneAnalyzer(
                        analyzer,
                        (text, language, seconds, maxScenes) -> {
                            throw new java.io.IOException("planner down");
                        });

        ScenePlan plan = new ScenePlanner(detector, analyzer, model).plan(request(TEXT, 6.0));

        assertThat(plan.getScenes()).isEqualTo(analyzer.analyze(TEXT, "en", 6.0));
        assertThat(plan.getWarnings())
                .anySatisfy(
                        w ->
                                assertThat(w)
                                        .startsWith("model planner not used:")
                                        .contains("planner down"));
    }

    @Test
    void shouldWarnAtPlanTimeNamingAScriptNoRenderFontHas() {
        RenderFonts fonts = RenderConfig.defaults().fonts();
        String text =
                "The stone bears an old inscription: "
                        + ScriptSamples.OLD_HUNGARIAN
                        + ". The storm rolls in over the harbour.";

        ScenePlan plan = new ScenePlanner(detector, analyzer, null, fonts).plan(request(text, 6.0));

        String warning =
                "Old Hungarian text has no font: it will be left out of burned-in subtitles and"
                        + " title cards; SRT and WebVTT keep it";
        assertThat(plan.getWarnings()).contains(warning);
        assertThat(plan.getScenes()).isNotEmpty();
        List<StatusEvent> planned = StatusEvents.planned(plan, Instant.EPOCH);
        assertThat(planned.get(0).getMessage()).contains(warning);
    }

    @Test
    void shouldNotWarnForTextTheRenderFontsCover() {
        RenderFonts fonts = RenderConfig.defaults().fonts();
        String verse = "床前明月光，疑是地上霜。举头望明月，低头思故乡。";

        ScenePlan plan =
                new ScenePlanner(detector, analyzer, null, fonts).plan(request(verse, 6.0));

        assertThat(plan.getWarnings()).noneMatch(warning -> warning.contains("no font"));
    }

    @Test
    void shouldSkipTheFontCheckWithoutRenderFonts() {
        ScenePlan plan =
                new ScenePlanner(detector, analyzer)
                        .plan(request(TEXT + " " + ScriptSamples.TANGUT, 6.0));

        assertThat(plan.getWarnings()).noneMatch(warning -> warning.contains("no font"));
    }
}
