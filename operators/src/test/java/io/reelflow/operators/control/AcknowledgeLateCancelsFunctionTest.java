package io.reelflow.operators.control;

import static io.reelflow.operators.control.ControlFixtures.T0;
import static io.reelflow.operators.control.ControlFixtures.TTL;
import static io.reelflow.operators.control.ControlFixtures.cancel;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.status.VideoResults;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link AcknowledgeLateCancelsFunction}. */
class AcknowledgeLateCancelsFunctionTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, VideoResult, ControlCommand, StatusEvent>
            harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(
                                new AcknowledgeLateCancelsFunction(
                                        Fixtures.RUN_ID, TTL, new ControlFixtures.SettableClock())),
                        VideoResult::getRequestId,
                        ControlCommand::getRequestId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void shouldSayACancelAfterTheResultChangedNothing() throws Exception {
        harness.processElement1(new StreamRecord<>(completed("r1")));
        harness.processElement2(new StreamRecord<>(cancel("r1", null)));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        event -> {
                            assertThat(event.getPhase()).isEqualTo(Phase.COMPLETED);
                            assertThat(event.getAt())
                                    .as("the timeline keeps its time")
                                    .isEqualTo(T0);
                            assertThat(event.getMessage())
                                    .startsWith("COMPLETED s3://bucket/r1.mp4")
                                    .contains(
                                            "not cancelled by alice", "already finished COMPLETED");
                        });
    }

    @Test
    void shouldSayItWhenTheRequestFinishedPastTheGatesAfterTheCancel() throws Exception {
        harness.processElement2(new StreamRecord<>(cancel("r1", null)));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processElement1(new StreamRecord<>(completed("r1")));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(event -> assertThat(event.getMessage()).contains("not cancelled"));
    }

    @Test
    void shouldSayNothingWhenTheCancelTookEffectOrIsAboutAnotherRun() throws Exception {
        harness.processElement2(new StreamRecord<>(cancel("r1", null)));
        harness.processElement1(
                new StreamRecord<>(
                        VideoResults.cancelled(
                                "r1", Fixtures.RUN_ID, null, cancel("r1", null), T0)));
        harness.processElement2(new StreamRecord<>(cancel("r2", "another-run")));
        harness.processElement1(new StreamRecord<>(completed("r2")));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private static VideoResult completed(String requestId) {
        return VideoResult.newBuilder()
                .setRequestId(requestId)
                .setRunId(Fixtures.RUN_ID)
                .setStatus(ResultStatus.COMPLETED)
                .setVideoUri("s3://bucket/" + requestId + ".mp4")
                .setCompletedAt(T0)
                .build();
    }
}
