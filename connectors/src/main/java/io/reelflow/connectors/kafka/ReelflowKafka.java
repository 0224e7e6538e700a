package io.reelflow.connectors.kafka;

import io.reelflow.connectors.kafka.internal.JsonRecordSerializer;
import io.reelflow.connectors.kafka.internal.RecordKeys;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The job's Kafka source and sinks. Values are JSON ({@code RecordJson}); keys are request ids
 * (after the settings' key prefix, {@code runId/} in a replay), so every record of one request
 * stays in one partition.
 *
 * <pre>{@code
 * KafkaSource<RawRequest> source = ReelflowKafka.requestSource(sourceSettings);
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "requests");
 * results.sinkTo(ReelflowKafka.resultSink(resultSettings));
 * }</pre>
 */
public final class ReelflowKafka {
    private ReelflowKafka() {}

    /**
     * Reads request records as {@link RawRequest}s (never failing on bad bytes); bounded when the
     * settings name where to stop. Offsets are committed to the group on checkpoints.
     */
    public static KafkaSource<RawRequest> requestSource(KafkaSourceSettings settings) {
        KafkaSourceBuilder<RawRequest> builder =
                KafkaSource.<RawRequest>builder()
                        .setProperties(toProperties(settings.properties()))
                        .setBootstrapServers(settings.bootstrapServers())
                        .setTopics(settings.topic())
                        .setGroupId(settings.groupId())
                        .setStartingOffsets(toInitializer(settings.startingOffsets()))
                        .setDeserializer(new RawRequestDeserializer());
        settings.stoppingOffsets().ifPresent(stop -> builder.setBounded(toInitializer(stop)));
        return builder.build();
    }

    /**
     * Reads the control topic's records as {@link RawRequest}s, like {@link #requestSource}, but
     * subscribed by pattern: a missing topic is no error (the job runs without commands) and is
     * picked up by partition discovery once it is created.
     */
    public static KafkaSource<RawRequest> controlSource(KafkaSourceSettings settings) {
        KafkaSourceBuilder<RawRequest> builder =
                KafkaSource.<RawRequest>builder()
                        .setProperties(toProperties(settings.properties()))
                        .setBootstrapServers(settings.bootstrapServers())
                        .setTopicPattern(Pattern.compile(Pattern.quote(settings.topic())))
                        .setGroupId(settings.groupId())
                        .setStartingOffsets(toInitializer(settings.startingOffsets()))
                        .setDeserializer(new RawRequestDeserializer());
        settings.stoppingOffsets().ifPresent(stop -> builder.setBounded(toInitializer(stop)));
        return builder.build();
    }

    /**
     * Writes results exactly once: inside Kafka transactions committed on checkpoints, so consumers
     * with {@code isolation.level=read_committed} see each result once. Needs checkpointing.
     */
    public static KafkaSink<VideoResult> resultSink(KafkaSinkSettings settings) {
        return sink(settings, RecordKeys::ofResult, DeliveryGuarantee.EXACTLY_ONCE);
    }

    /** Writes progress events at least once: a repeated status event is harmless. */
    public static KafkaSink<StatusEvent> statusSink(KafkaSinkSettings settings) {
        return sink(settings, RecordKeys::ofStatus, DeliveryGuarantee.AT_LEAST_ONCE);
    }

    /**
     * Writes rejected records at least once, keyed by the request id when it is known, else by the
     * original record key.
     */
    public static KafkaSink<DeadLetter> deadLetterSink(KafkaSinkSettings settings) {
        return sink(settings, RecordKeys::ofDeadLetter, DeliveryGuarantee.AT_LEAST_ONCE);
    }

    private static <T extends SpecificRecord> KafkaSink<T> sink(
            KafkaSinkSettings settings,
            SerializableFunction<T, String> keyOf,
            DeliveryGuarantee guarantee) {
        KafkaSinkBuilder<T> builder =
                KafkaSink.<T>builder()
                        .setKafkaProducerConfig(toProperties(settings.properties()))
                        .setBootstrapServers(settings.bootstrapServers())
                        .setRecordSerializer(
                                new JsonRecordSerializer<>(
                                        settings.topic(),
                                        RecordKeys.prefixed(settings.keyPrefix(), keyOf)))
                        .setDeliveryGuarantee(guarantee);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(settings.transactionalIdPrefix())
                    .setProperty(
                            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                            Long.toString(settings.transactionTimeout().toMillis()));
        }
        return builder.build();
    }

    /** The Flink offsets initializer for a {@link KafkaOffsets} position. */
    // The connector's committedOffsets(...) still takes Kafka's deprecated OffsetResetStrategy.
    @SuppressWarnings("deprecation")
    static OffsetsInitializer toInitializer(KafkaOffsets offsets) {
        return switch (offsets.kind()) {
            case COMMITTED_OR_EARLIEST ->
                    OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case TIMESTAMP ->
                    OffsetsInitializer.timestamp(offsets.timestampOrNull().toEpochMilli());
        };
    }

    private static Properties toProperties(Map<String, String> map) {
        Properties properties = new Properties();
        properties.putAll(map);
        return properties;
    }
}
