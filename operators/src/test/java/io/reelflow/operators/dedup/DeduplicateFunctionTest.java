package io.reelflow.operators.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.VideoRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Tests for {@link DeduplicateFunction}. */
class DeduplicateFunctionTest {

    private static AcceptedRequest request(String id, String text) {
        RenderSpec spec = Fixtures.spec(4.0);
        return AcceptedRequest.newBuilder()
                .setRunId(Fixtures.RUN_ID)
                .setRequest(
                        VideoRequest.newBuilder()
                                .setRequestId(id)
                                .setText(text)
                                .setAttributes(Map.of())
                                .build())
                .setSpec(spec)
                .setReceivedAt(Instant.EPOCH)
                .build();
    }

    @Test
    void shouldPassEachRequestIdOnce() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, AcceptedRequest, AcceptedRequest>
                harness =
                        new KeyedOneInputStreamOperatorTestHarness<>(
                                new KeyedProcessOperator<>(
                                        new DeduplicateFunction(Duration.ofHours(1))),
                                r -> r.getRequest().getRequestId(),
                                org.apache.flink.api.common.typeinfo.Types.STRING)) {
            harness.open();

            harness.processElement(new StreamRecord<>(request("a", "first"), 1));
            harness.processElement(new StreamRecord<>(request("b", "other"), 2));
            harness.processElement(new StreamRecord<>(request("a", "redelivered"), 3));

            assertThat(harness.extractOutputValues())
                    .extracting(r -> r.getRequest().getText())
                    .containsExactly("first", "other");
            assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        }
    }
}
