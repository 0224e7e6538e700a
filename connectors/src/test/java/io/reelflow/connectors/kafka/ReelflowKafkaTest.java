package io.reelflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.schemas.RawRequest;
import java.time.Instant;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReelflowKafka}. */
class ReelflowKafkaTest {

    @Test
    void shouldBuildUnboundedSourceByDefault() {
        KafkaSource<RawRequest> source =
                ReelflowKafka.requestSource(
                        KafkaSourceSettings.builder().bootstrapServers("localhost:9092").build());

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(source.getProducedType().getTypeClass()).isEqualTo(RawRequest.class);
    }

    @Test
    void shouldBuildBoundedSourceWhenStopIsSet() {
        KafkaSource<RawRequest> source =
                ReelflowKafka.requestSource(
                        KafkaSourceSettings.builder()
                                .bootstrapServers("localhost:9092")
                                .startingOffsets(KafkaOffsets.earliest())
                                .stopAt(KafkaOffsets.latest())
                                .build());

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    @SuppressWarnings("deprecation")
    void shouldStartFromEarliestWhenGroupHasNoCommittedOffsets() {
        OffsetsInitializer initializer =
                ReelflowKafka.toInitializer(KafkaOffsets.committedOrEarliest());

        assertThat(initializer.getAutoOffsetResetStrategy())
                .isEqualTo(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
    }

    @Test
    @SuppressWarnings("deprecation")
    void shouldMapEveryOffsetsKindToAnInitializer() {
        assertThat(ReelflowKafka.toInitializer(KafkaOffsets.latest()).getAutoOffsetResetStrategy())
                .isEqualTo(org.apache.kafka.clients.consumer.OffsetResetStrategy.LATEST);
        assertThat(
                        ReelflowKafka.toInitializer(KafkaOffsets.earliest())
                                .getAutoOffsetResetStrategy())
                .isEqualTo(org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
        assertThat(
                        ReelflowKafka.toInitializer(
                                KafkaOffsets.timestamp(Instant.parse("2025-01-01T00:00:00Z"))))
                .isNotNull();
    }
}
