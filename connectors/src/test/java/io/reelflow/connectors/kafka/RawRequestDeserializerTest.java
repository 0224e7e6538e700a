package io.reelflow.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.schemas.RawRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Tests for {@link RawRequestDeserializer}. */
class RawRequestDeserializerTest {
    private final RawRequestDeserializer deserializer = new RawRequestDeserializer();

    @Test
    void shouldKeepOriginOfGarbagePayloadWithoutFailing() throws Exception {
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, '{'};

        RawRequest raw = deserializeOne(record("reelflow.requests", 3, 1234L, "req-1", garbage));

        assertThat(raw.getTopic()).isEqualTo("reelflow.requests");
        assertThat(raw.getPartition()).isEqualTo(3);
        assertThat(raw.getOffset()).isEqualTo(1234L);
        assertThat(raw.getTimestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(raw.getKey()).isEqualTo("req-1");
        assertThat(bytesOf(raw)).containsExactly(garbage);
    }

    @Test
    void shouldAcceptRecordWithoutKeyOrValue() throws Exception {
        RawRequest raw = deserializeOne(record("t", 0, 7L, null, null));

        assertThat(raw.getKey()).isNull();
        assertThat(raw.getPayload()).isNull();
        assertThat(raw.getOffset()).isEqualTo(7L);
    }

    @Test
    void shouldReplaceMalformedUtf8InKeyInsteadOfFailing() throws Exception {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(
                        "t",
                        0,
                        0L,
                        0L,
                        TimestampType.CREATE_TIME,
                        2,
                        1,
                        new byte[] {'a', (byte) 0xFF},
                        new byte[] {1},
                        new RecordHeaders(),
                        Optional.empty());

        RawRequest raw = deserializeOne(record);

        assertThat(raw.getKey()).startsWith("a").hasSize(2);
    }

    @Test
    void shouldProduceAvroTypeInformation() {
        assertThat(deserializer.getProducedType()).isInstanceOf(AvroTypeInfo.class);
        assertThat(deserializer.getProducedType().getTypeClass()).isEqualTo(RawRequest.class);
    }

    private RawRequest deserializeOne(ConsumerRecord<byte[], byte[]> record) throws Exception {
        List<RawRequest> out = new ArrayList<>();
        deserializer.deserialize(record, collector(out));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> record(
            String topic, int partition, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                key == null ? -1 : key.length(),
                value == null ? -1 : value.length,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value,
                new RecordHeaders(),
                Optional.empty());
    }

    private static byte[] bytesOf(RawRequest raw) {
        byte[] bytes = new byte[raw.getPayload().remaining()];
        raw.getPayload().duplicate().get(bytes);
        return bytes;
    }

    private static <T> Collector<T> collector(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }
}
