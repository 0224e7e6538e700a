package io.reelflow.operators.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link SceneGathering}. */
class SceneGatheringTest {

    @Test
    void shouldRejectAGatherTimeoutThatDoesNotOutlastGeneration() {
        assertThatThrownBy(
                        () ->
                                SceneGathering.requireTimeoutCovers(
                                        Duration.ofMinutes(15), Duration.ofMinutes(50)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gather timeout (PT15M)")
                .hasMessageContaining("generation operator's timeout (PT50M");
    }

    @Test
    void shouldAcceptALongerGatherTimeout() {
        assertThatCode(
                        () ->
                                SceneGathering.requireTimeoutCovers(
                                        Duration.ofMinutes(60), Duration.ofMinutes(50)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldCarryTheNarrationAndWhatThePlanSaysToTheRenderJob() {
        Scene scene =
                Scene.newBuilder()
                        .setIndex(0)
                        .setText("Hello.")
                        .setStartSeconds(0)
                        .setEndSeconds(2)
                        .setPrompt("hello")
                        .build();
        ScenePlan plan =
                ScenePlan.newBuilder()
                        .setRequestId("r")
                        .setRunId("run")
                        .setLanguage("en")
                        .setLanguageConfidence(1)
                        .setSpec(
                                RenderSpec.newBuilder()
                                        .setWidth(320)
                                        .setHeight(180)
                                        .setTargetDurationSeconds(2)
                                        .build())
                        .setScenes(List.of(scene))
                        .setNarrationUri("s3://b/speech/tracks/x.wav")
                        .setWarnings(List.of("narration: the video lasts 2.0 s"))
                        .setDegradedReasons(List.of("narration skipped: no"))
                        .build();
        SceneClip clip =
                SceneClip.newBuilder()
                        .setRequestId("r")
                        .setRunId("run")
                        .setSceneCount(1)
                        .setScene(scene)
                        .setSource(ClipSource.TITLE_CARD)
                        .build();

        RenderJob job = SceneGathering.renderJob(plan, List.of(clip));

        assertThat(job.getNarrationUri()).isEqualTo("s3://b/speech/tracks/x.wav");
        assertThat(job.getNotes()).containsExactly("narration: the video lasts 2.0 s");
        assertThat(job.getDegradedReasons()).containsExactly("narration skipped: no");
    }
}
