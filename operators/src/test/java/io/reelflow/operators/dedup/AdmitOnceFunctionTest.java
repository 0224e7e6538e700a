package io.reelflow.operators.dedup;

import static io.reelflow.operators.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.request.RequestRules;
import io.reelflow.operators.request.RequestValidator;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SeenRequest;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.stream.Collectors;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link AdmitOnceFunction}. */
class AdmitOnceFunctionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);
    private static final String GOOD = "{\"requestId\":\"x\",\"text\":\"A lighthouse.\"}";

    private final RequestValidator validator =
            new RequestValidator(RequestRules.defaults(), Fixtures.RUN_ID);
    private KeyedOneInputStreamOperatorTestHarness<String, Admission, AcceptedRequest> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new AdmitOnceFunction(
                                        Fixtures.RUN_ID, TTL, Clock.fixed(NOW, ZoneOffset.UTC))),
                        Admission::getRequestId,
                        Types.STRING);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(String payload, long offset) throws Exception {
        harness.processElement(
                new StreamRecord<>(validator.validate(raw(payload, 0, offset), NOW)));
    }

    private <T> List<T> side(OutputTag<T> tag) {
        Queue<StreamRecord<T>> records = harness.getSideOutput(tag);
        return records == null
                ? List.of()
                : records.stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    @Test
    void shouldNeverOverwriteAResultWithARejectionOfAReSentId() throws Exception {
        send(GOOD, 1);
        send("{\"requestId\":\"x\",\"text\":\"t\",\"resolution\":\"8k\"}", 2);

        assertThat(harness.extractOutputValues())
                .extracting(a -> a.getRequest().getText())
                .containsExactly("A lighthouse.");
        assertThat(side(SideOutputs.EARLY_RESULTS)).isEmpty();
        List<StatusEvent> status = side(SideOutputs.STATUS);
        assertThat(status)
                .extracting(StatusEvent::getPhase)
                .containsExactly(Phase.RECEIVED, Phase.DUPLICATE);
        assertThat(status.get(1).getMessage())
                .contains("first received at 2026-12-05T10:00:00Z (partition 0, offset 1)")
                .contains("accepted")
                .contains("(x, " + Fixtures.RUN_ID + ") in video_results")
                .contains("content differs")
                .contains("replay it under a new run id");
        List<Admission> refused = side(SideOutputs.REFUSED);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getDeadLetter().getStage()).isEqualTo(FirstSeen.STAGE);
        assertThat(refused.get(0).getDeadLetter().getReason())
                .contains("was already received")
                .contains("it would also have been rejected: unsupported resolution '8k'");
        assertThat(refused.get(0).getDeadLetter().getSourceOffset()).isEqualTo(2);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void shouldAnswerARetryOfTheSameContentWithDuplicateOnly() throws Exception {
        send(GOOD, 1);
        send(GOOD, 7);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(side(SideOutputs.ACCEPTED))
                .as("archived once, with its whole value")
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.getSourceOffset()).isEqualTo(1);
                            assertThat(a.getPayload()).isNotNull();
                        });
        assertThat(side(SideOutputs.STATUS))
                .extracting(StatusEvent::getPhase)
                .containsExactly(Phase.RECEIVED, Phase.DUPLICATE);
        assertThat(side(SideOutputs.STATUS).get(1).getMessage()).doesNotContain("differs");
        assertThat(side(SideOutputs.REFUSED)).isEmpty();
    }

    @Test
    void shouldRejectTheFirstRecordOfAnIdOnceAndSayWhyToLaterOnes() throws Exception {
        send("{\"requestId\":\"x\",\"text\":\"t\",\"fps\":29}", 1);
        send(GOOD, 2);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(side(SideOutputs.ACCEPTED)).as("a rejected request is not archived").isEmpty();
        assertThat(side(SideOutputs.EARLY_RESULTS))
                .extracting(VideoResult::getStatus)
                .containsExactly(ResultStatus.REJECTED);
        assertThat(side(SideOutputs.STATUS))
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.getPhase()).isEqualTo(Phase.DUPLICATE);
                            assertThat(s.getMessage()).contains("rejected: fps must be one of");
                        });
        assertThat(side(SideOutputs.REFUSED)).hasSize(2);
    }

    @Test
    void shouldAddressARejectionToTheRequestsCallbackUrl() throws Exception {
        send(
                "{\"requestId\":\"x\",\"text\":\"t\",\"fps\":29,"
                        + "\"callbackUrl\":\"https://hooks.example.com/x\"}",
                1);

        assertThat(side(SideOutputs.EARLY_RESULTS))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.getStatus()).isEqualTo(ResultStatus.REJECTED);
                            assertThat(r.getCallbackUrl()).isEqualTo("https://hooks.example.com/x");
                        });
    }

    @Test
    void shouldForgetAnIdAfterItsTtl() throws Exception {
        harness.setStateTtlProcessingTime(0);
        send(GOOD, 1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
        send(GOOD, 2);

        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(side(SideOutputs.STATUS))
                .extracting(StatusEvent::getPhase)
                .containsExactly(Phase.RECEIVED, Phase.RECEIVED);
    }

    @Test
    void shouldKeepStateInAnEvolvableAvroSerializer() throws Exception {
        TypeInformation<SeenRequest> info = TypeInformation.of(SeenRequest.class);
        TypeSerializer<SeenRequest> serializer = info.createSerializer(new SerializerConfigImpl());
        SeenRequest seen = FirstSeen.remember(validator.validate(raw(GOOD, 0, 1), NOW));
        DataOutputSerializer out = new DataOutputSerializer(64);

        serializer.serialize(seen, out);

        assertThat(info).isInstanceOf(AvroTypeInfo.class);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isEqualTo(seen);
    }
}
