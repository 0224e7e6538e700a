package io.reelflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tests for {@link KafkaSourceSettings}, {@link KafkaSinkSettings} and {@link KafkaOffsets}. */
class KafkaSettingsTest {

    @Test
    void shouldDefaultSourceToRequestsTopicAndCommittedOffsetsUnbounded() {
        KafkaSourceSettings settings =
                KafkaSourceSettings.builder().bootstrapServers("localhost:9092").build();

        assertThat(settings.topic()).isEqualTo("reelflow.requests");
        assertThat(settings.groupId()).isEqualTo("reelflow");
        assertThat(settings.startingOffsets()).isEqualTo(KafkaOffsets.committedOrEarliest());
        assertThat(settings.stoppingOffsets()).isEmpty();
        assertThat(settings.properties()).isEmpty();
    }

    @Test
    void shouldNameMissingBootstrapServers() {
        assertThatThrownBy(() -> KafkaSourceSettings.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> KafkaSinkSettings.builder().topic("t").build())
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void shouldRejectStoppingAtEarliest() {
        assertThatThrownBy(
                        () ->
                                KafkaSourceSettings.builder()
                                        .bootstrapServers("b:9092")
                                        .stopAt(KafkaOffsets.earliest())
                                        .build())
                .hasMessageContaining("stopAt(earliest)");
    }

    @Test
    void shouldRejectStopTimestampBeforeStartTimestamp() {
        Instant start = Instant.parse("2025-01-02T00:00:00Z");
        assertThatThrownBy(
                        () ->
                                KafkaSourceSettings.builder()
                                        .bootstrapServers("b:9092")
                                        .startingOffsets(KafkaOffsets.timestamp(start))
                                        .stopAt(KafkaOffsets.timestamp(start.minusSeconds(1)))
                                        .build())
                .hasMessageContaining("before the starting timestamp");
    }

    @Test
    void shouldRejectTimestampBeforeEpoch() {
        assertThatThrownBy(() -> KafkaOffsets.timestamp(Instant.parse("1969-12-31T23:59:59Z")))
                .hasMessageContaining("before 1970");
    }

    @Test
    void shouldRequireSinkTopicAndDefaultTransactionSettings() {
        assertThatThrownBy(() -> KafkaSinkSettings.builder().bootstrapServers("b:9092").build())
                .hasMessageContaining("topic");

        KafkaSinkSettings settings =
                KafkaSinkSettings.builder().bootstrapServers("b:9092").topic("results").build();

        assertThat(settings.transactionalIdPrefix()).isEqualTo("reelflow");
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(14));
    }

    @Test
    void shouldRejectNonPositiveTransactionTimeout() {
        assertThatThrownBy(
                        () ->
                                KafkaSinkSettings.builder()
                                        .bootstrapServers("b:9092")
                                        .topic("t")
                                        .transactionTimeout(Duration.ZERO)
                                        .build())
                .hasMessageContaining("transactionTimeout");
    }

    @Test
    void shouldHideSecretPropertiesInToString() {
        KafkaSinkSettings settings =
                KafkaSinkSettings.builder()
                        .bootstrapServers("b:9092")
                        .topic("t")
                        .property("sasl.jaas.config", "user=\"u\" password=\"hunter2\"")
                        .property("ssl.truststore.password", "hunter2")
                        .property("compression.type", "zstd")
                        .build();

        assertThat(settings.toString()).doesNotContain("hunter2").contains("zstd");
        assertThat(settings.properties()).containsEntry("ssl.truststore.password", "hunter2");
    }

    @Test
    void shouldKeepSettingsImmutableAfterBuild() {
        KafkaSourceSettings.Builder builder =
                KafkaSourceSettings.builder().bootstrapServers("b:9092").property("a", "1");
        KafkaSourceSettings settings = builder.build();
        builder.property("b", "2");

        assertThat(settings.properties()).containsOnlyKeys("a");
        assertThatThrownBy(() -> settings.properties().put("c", "3"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
