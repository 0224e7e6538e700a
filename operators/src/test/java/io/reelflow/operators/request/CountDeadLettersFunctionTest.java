package io.reelflow.operators.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.RecordingMetricGroup;
import io.reelflow.schemas.DeadLetter;
import java.time.Instant;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.junit.jupiter.api.Test;

/** Tests for {@link CountDeadLettersFunction}. */
class CountDeadLettersFunctionTest {
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();

    @Test
    void shouldCountDeadLettersInAllAndByTheStageThatRefusedThem() {
        CountDeadLettersFunction function = new CountDeadLettersFunction();
        function.setRuntimeContext(metrics.runtimeContext());
        function.open(DefaultOpenContext.INSTANCE);
        assertThat(metrics.count("reelflow.deadLetters")).isZero();

        DeadLetter parse = letter("parse");
        assertThat(function.map(parse)).isSameAs(parse);
        function.map(letter("parse"));
        function.map(letter("sink:video_results"));

        assertThat(metrics.count("reelflow.deadLetters")).isEqualTo(3);
        assertThat(metrics.count("reelflow.stage.parse.deadLetters")).isEqualTo(2);
        assertThat(metrics.count("reelflow.stage.sink:video_results.deadLetters")).isOne();
    }

    private static DeadLetter letter(String stage) {
        return DeadLetter.newBuilder()
                .setReason("not JSON")
                .setStage(stage)
                .setSourceTopic("reelflow.requests")
                .setSourcePartition(0)
                .setSourceOffset(7)
                .setAt(Instant.EPOCH)
                .build();
    }
}
