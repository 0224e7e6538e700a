package io.reelflow.connectors.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.testing.TestRecords;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Tests for {@link JsonRecordSerializer} and {@link RecordKeys}. */
class JsonRecordSerializerTest {

    @Test
    void shouldKeyResultByRequestIdAndWriteJsonValue() throws Exception {
        VideoResult result = TestRecords.completedResult("req-7", TestRecords.COMPLETED_AT);
        JsonRecordSerializer<VideoResult> serializer =
                new JsonRecordSerializer<>("reelflow.results", RecordKeys::ofResult);

        ProducerRecord<byte[], byte[]> record = serializer.serialize(result, null, 5L);

        assertThat(record.topic()).isEqualTo("reelflow.results");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("req-7");
        assertThat(record.timestamp()).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"requestId\":\"req-7\"")
                .contains("\"completedAt\":\"2025-03-01T12:00:00Z\"");
        assertThat(RecordJson.fromJson(record.value(), VideoResult.class)).isEqualTo(result);
    }

    @Test
    void shouldKeyDeadLetterByRequestIdWhenKnown() {
        assertThat(RecordKeys.ofDeadLetter(TestRecords.deadLetter("req-1", "original")))
                .isEqualTo("req-1");
    }

    @Test
    void shouldKeyDeadLetterByOriginalKeyWhenRequestIdUnknown() {
        JsonRecordSerializer<DeadLetter> serializer =
                new JsonRecordSerializer<>("dlq", RecordKeys::ofDeadLetter);

        ProducerRecord<byte[], byte[]> withKey =
                serializer.serialize(TestRecords.deadLetter(null, "original"), null, null);
        ProducerRecord<byte[], byte[]> withoutKey =
                serializer.serialize(TestRecords.deadLetter(null, null), null, null);

        assertThat(new String(withKey.key(), StandardCharsets.UTF_8)).isEqualTo("original");
        assertThat(withoutKey.key()).isNull();
    }

    @Test
    void shouldKeyAReplaysRecordsByRunAndRequestId() {
        JsonRecordSerializer<DeadLetter> serializer =
                new JsonRecordSerializer<>(
                        "dlq", RecordKeys.prefixed("replay-1/", RecordKeys::ofDeadLetter));

        ProducerRecord<byte[], byte[]> withKey =
                serializer.serialize(TestRecords.deadLetter("req-1", "original"), null, null);
        ProducerRecord<byte[], byte[]> withoutKey =
                serializer.serialize(TestRecords.deadLetter(null, null), null, null);

        assertThat(new String(withKey.key(), StandardCharsets.UTF_8)).isEqualTo("replay-1/req-1");
        assertThat(withoutKey.key()).isNull();
    }
}
