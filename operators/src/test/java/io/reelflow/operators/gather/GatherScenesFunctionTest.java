package io.reelflow.operators.gather;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link GatherScenesFunction}. */
class GatherScenesFunctionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KeyedTwoInputStreamOperatorTestHarness<String, ScenePlan, SceneClip, RenderJob> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(new GatherScenesFunction(TIMEOUT)),
                        ScenePlan::getRequestId,
                        SceneClip::getRequestId,
                        Types.STRING);
        harness.setProcessingTime(1_000);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void shouldEmitOneOrderedRenderJobWhenAllScenesArriveAndClearState() throws Exception {
        ScenePlan plan = Fixtures.plan("r1", 3);

        harness.processElement1(new StreamRecord<>(plan));
        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 2)));
        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 0)));
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 1)));

        List<RenderJob> jobs = harness.extractOutputValues();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).getClips())
                .extracting(c -> c.getScene().getIndex())
                .containsExactly(0, 1, 2);
        assertThat(jobs.get(0).getSpec()).isEqualTo(plan.getSpec());
        assertThat(statusPhases()).containsExactly(Phase.CLIPS_READY);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldGatherClipsThatArriveBeforeThePlanAndCarryItsMusic() throws Exception {
        ScenePlan plan = Fixtures.plan("r2", 2);
        AssetMatch music =
                AssetMatch.newBuilder()
                        .setAssetId("calm-piano")
                        .setUri("s3://bucket/assets/calm-piano.m4a")
                        .setKind(AssetKind.MUSIC)
                        .setScore(0.7)
                        .setCredit(
                                Credit.newBuilder()
                                        .setAssetId("calm-piano")
                                        .setUri("s3://bucket/assets/calm-piano.m4a")
                                        .build())
                        .build();
        plan.setMusic(music);

        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 1)));
        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 0)));
        harness.processElement1(new StreamRecord<>(plan));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(job -> assertThat(job.getMusic()).isEqualTo(music));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldFailRequestWhoseScenesDoNotArriveInTime() throws Exception {
        ScenePlan plan = Fixtures.plan("r3", 3);
        harness.processElement1(new StreamRecord<>(plan));
        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 1)));

        harness.setProcessingTime(1_000 + TIMEOUT.toMillis());

        assertThat(harness.extractOutputValues()).isEmpty();
        List<VideoResult> failed =
                harness.getSideOutput(SideOutputs.EARLY_RESULTS).stream()
                        .map(StreamRecord::getValue)
                        .collect(Collectors.toList());
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getStatus()).isEqualTo(ResultStatus.FAILED);
        assertThat(failed.get(0).getError()).contains("timed out waiting for scenes [0, 2]");
        assertThat(failed.get(0).getTargetDurationSeconds())
                .isEqualTo(plan.getSpec().getTargetDurationSeconds());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldRenewTheDeadlineWhenAClipArrives() throws Exception {
        ScenePlan plan = Fixtures.plan("r5", 3);
        harness.processElement1(new StreamRecord<>(plan));
        long clipAt = 1_000 + TIMEOUT.toMillis() - 1;
        harness.setProcessingTime(clipAt);
        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 0)));

        harness.setProcessingTime(1_000 + TIMEOUT.toMillis());
        assertThat(harness.getSideOutput(SideOutputs.EARLY_RESULTS)).isNullOrEmpty();
        assertThat(harness.numProcessingTimeTimers()).isOne();

        harness.setProcessingTime(clipAt + TIMEOUT.toMillis());
        assertThat(harness.getSideOutput(SideOutputs.EARLY_RESULTS))
                .singleElement()
                .satisfies(
                        failed ->
                                assertThat(failed.getValue().getError())
                                        .contains("timed out waiting for scenes [1, 2]"));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldDropClipsOfATimedOutRequest() throws Exception {
        ScenePlan plan = Fixtures.plan("r4", 2);

        harness.processElement2(new StreamRecord<>(Fixtures.clip(plan, 0)));
        harness.setProcessingTime(1_000 + TIMEOUT.toMillis());

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(SideOutputs.EARLY_RESULTS)).isNullOrEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    private List<Phase> statusPhases() {
        return harness.getSideOutput(SideOutputs.STATUS).stream()
                .map(StreamRecord::getValue)
                .map(StatusEvent::getPhase)
                .collect(Collectors.toList());
    }
}
