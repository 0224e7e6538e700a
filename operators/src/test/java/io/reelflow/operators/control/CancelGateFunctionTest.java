package io.reelflow.operators.control;

import static io.reelflow.operators.control.ControlFixtures.TTL;
import static io.reelflow.operators.control.ControlFixtures.cancel;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.generation.GenerateClipFunction;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.SceneWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** Tests for {@link CancelGateFunction} and {@link CancelScenesFunction}. */
class CancelGateFunctionTest {
    private final ControlFixtures.SettableClock clock = new ControlFixtures.SettableClock();

    @Test
    void shouldEndACancelledRenderJobWithOneCancelledResultAndPassTheOthers() throws Exception {
        try (BroadcastOperatorTestHarness<RenderJob, ControlCommand, RenderJob> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        CancelGateFunction.beforeRendering(TTL, clock), CancelState.DESCRIPTOR)) {
            harness.processBroadcastElement(cancel("r1", null), 0);
            harness.processElement(renderJob("r1"), 0);
            harness.processElement(renderJob("r2"), 0);

            assertThat(harness.extractOutputValues())
                    .extracting(RenderJob::getRequestId)
                    .containsExactly("r2");
            assertThat(harness.getSideOutput(SideOutputs.EARLY_RESULTS))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(
                            result -> {
                                assertThat(result.getRequestId()).isEqualTo("r1");
                                assertThat(result.getRunId()).isEqualTo(Fixtures.RUN_ID);
                                assertThat(result.getStatus()).isEqualTo(ResultStatus.CANCELLED);
                                assertThat(result.getError())
                                        .contains("cancelled by alice", "wrong text");
                                assertThat(result.getVideoUri()).isNull();
                                // Its webhook hears of the cancel like of any other result.
                                assertThat(result.getCallbackUrl())
                                        .isEqualTo("https://hooks.example.com/r1");
                            });
        }
    }

    @Test
    void shouldLetARequestThroughOnceTheCancelExpiredAndDropExpiredState() throws Exception {
        try (BroadcastOperatorTestHarness<RenderJob, ControlCommand, RenderJob> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        CancelGateFunction.beforeRendering(TTL, clock), CancelState.DESCRIPTOR)) {
            harness.processBroadcastElement(cancel("r1", null), 0);
            clock.advance(TTL.plus(Duration.ofSeconds(1)));
            harness.processElement(renderJob("r1"), 0);
            assertThat(harness.extractOutputValues()).hasSize(1);

            harness.processBroadcastElement(cancel("r2", null), 0);
            List<String> kept = new ArrayList<>();
            harness.getBroadcastState(CancelState.DESCRIPTOR)
                    .entries()
                    .forEach(entry -> kept.add(entry.getKey()));
            assertThat(kept)
                    .as("r1's expired cancel is gone")
                    .containsExactly(Cancellations.keyOf("r2", null));
        }
    }

    @Test
    void shouldNotSubmitScenesOfACancelledRequestAndPassTheCommandToGeneration() throws Exception {
        ScenePlan cancelled = Fixtures.plan("r1", 2);
        ScenePlan other = Fixtures.plan("r2", 1);
        try (BroadcastOperatorTestHarness<SceneTask, ControlCommand, SceneWork> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                        new CancelScenesFunction(TTL, clock), CancelState.DESCRIPTOR)) {
            harness.processBroadcastElement(cancel("r1", Fixtures.RUN_ID), 0);
            harness.processElement(Fixtures.task(cancelled, 0), 0);
            harness.processElement(Fixtures.task(cancelled, 1), 0);
            harness.processElement(Fixtures.task(other, 0), 0);

            List<SceneWork> work = harness.extractOutputValues();
            assertThat(work)
                    .containsExactly(
                            GenerateClipFunction.cancel(cancel("r1", Fixtures.RUN_ID)),
                            GenerateClipFunction.scene(Fixtures.task(other, 0)));
            assertThat(harness.getSideOutput(CancelScenesFunction.CANCELLED_SCENES))
                    .extracting(StreamRecord::getValue)
                    .hasSize(2)
                    .allSatisfy(
                            clip -> {
                                assertThat(clip.getRequestId()).isEqualTo("r1");
                                assertThat(clip.getSource()).isEqualTo(ClipSource.TITLE_CARD);
                                assertThat(clip.getNote()).contains("cancelled by alice");
                            })
                    .extracting(SceneClip::getScene)
                    .extracting(s -> s.getIndex())
                    .containsExactlyInAnyOrder(0, 1);
        }
    }

    private static RenderJob renderJob(String requestId) {
        ScenePlan plan = Fixtures.plan(requestId, 1);
        return RenderJob.newBuilder()
                .setRequestId(requestId)
                .setRunId(plan.getRunId())
                .setLanguage("en")
                .setSpec(
                        RenderSpec.newBuilder(plan.getSpec())
                                .setCallbackUrl("https://hooks.example.com/" + requestId)
                                .build())
                .setClips(List.of(Fixtures.clip(plan, 0)))
                .build();
    }
}
