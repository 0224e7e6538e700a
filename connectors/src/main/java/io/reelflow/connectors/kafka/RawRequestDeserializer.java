package io.reelflow.connectors.kafka;

import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Wraps every Kafka record into a {@link RawRequest} without looking at its value, so it never
 * fails: parsing happens later in the job, where a malformed record can go to the dead-letter topic
 * with its partition and offset.
 */
public final class RawRequestDeserializer implements KafkaRecordDeserializationSchema<RawRequest> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        // The records this source emits are Avro-serialized between tasks in this JVM.
        AvroClassTrust.install();
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRequest> out) {
        out.collect(toRawRequest(record));
    }

    /** The {@link RawRequest} for one consumer record; keys are read as UTF-8. */
    public static RawRequest toRawRequest(ConsumerRecord<byte[], byte[]> record) {
        return RawRequest.newBuilder()
                .setTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setTimestamp(record.timestamp())
                .setKey(record.key() == null ? null : decodeKey(record.key()))
                .setPayload(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .build();
    }

    private static String decodeKey(byte[] key) {
        // Malformed UTF-8 becomes U+FFFD rather than an exception: the key is informational here.
        return new String(key, StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<RawRequest> getProducedType() {
        return new AvroTypeInfo<>(RawRequest.class);
    }
}
