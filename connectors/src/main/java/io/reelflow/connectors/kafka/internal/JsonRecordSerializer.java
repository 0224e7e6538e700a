package io.reelflow.connectors.kafka.internal;

import io.reelflow.schemas.codec.RecordJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes an Avro record as plain JSON ({@link RecordJson}) to one topic, keyed by a UTF-8 string
 * taken from the record (no key when that is null).
 */
public final class JsonRecordSerializer<T extends SpecificRecord>
        implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> keyOf;

    public JsonRecordSerializer(String topic, SerializableFunction<T, String> keyOf) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long timestamp) {
        String key = keyOf.apply(element);
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        // No timestamp: the element's would be the request's Kafka timestamp, not the write time.
        return new ProducerRecord<>(topic, null, null, keyBytes, RecordJson.toJson(element));
    }
}
