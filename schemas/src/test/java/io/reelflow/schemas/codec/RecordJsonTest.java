package io.reelflow.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests for {@link RecordJson} and the Avro binary form of every wire type. */
class RecordJsonTest {

    static Iterable<SpecificRecord> records() {
        return SampleRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldRoundTripThroughJson(SpecificRecord record) throws Exception {
        byte[] json = RecordJson.toJson(record);

        assertThat(RecordJson.fromJson(json, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldRoundTripThroughAvroBinary(SpecificRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();

        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
        SpecificRecord read =
                new SpecificDatumReader<SpecificRecord>(record.getSchema()).read(null, decoder);

        assertThat(read).isEqualTo(record);
    }

    @Test
    void shouldWritePlainJsonWithoutUnionWrappers() throws Exception {
        VideoResult result = (VideoResult) SampleRecords.all().get(9);

        JsonNode json = new ObjectMapper().readTree(RecordJson.toJson(result));

        assertThat(json.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(json.get("videoUri").asText()).isEqualTo("s3://reelflow/videos/live/req-1.mp4");
        assertThat(json.get("quality").get("score").asDouble()).isEqualTo(97.5);
        assertThat(json.get("completedAt").asText()).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(json.get("error").isNull()).isTrue();
    }

    @Test
    void shouldFillMissingOptionalFieldsWithDefaults() throws Exception {
        String json =
                "{\"requestId\":\"r\",\"runId\":\"live\",\"phase\":\"RECEIVED\",\"progress\":0,"
                        + "\"at\":1700000000000}";

        StatusEvent event =
                RecordJson.fromJson(json.getBytes(StandardCharsets.UTF_8), StatusEvent.class);

        assertThat(event.getMessage()).isNull();
        assertThat(event.getAt().toEpochMilli()).isEqualTo(1700000000000L);
    }

    @Test
    void shouldNameTheFieldThatIsMissing() {
        assertThatThrownBy(
                        () ->
                                RecordJson.fromJson(
                                        "{\"requestId\":\"r\"}".getBytes(StandardCharsets.UTF_8),
                                        StatusEvent.class))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("StatusEvent.runId is required");
    }

    @Test
    void shouldRejectUnknownEnumSymbol() {
        String json =
                "{\"requestId\":\"r\",\"runId\":\"live\",\"phase\":\"DANCING\",\"progress\":0,"
                        + "\"at\":0}";

        assertThatThrownBy(
                        () ->
                                RecordJson.fromJson(
                                        json.getBytes(StandardCharsets.UTF_8), StatusEvent.class))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("phase must be one of");
    }
}
