package io.reelflow.schemas.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.schemas.VideoRequest;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

/** Tests for {@link VideoRequestCodec}. */
class VideoRequestCodecTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDecodeAvroSingleObjectEncoding() throws Exception {
        VideoRequest request = SampleRecords.request();

        byte[] encoded = VideoRequestCodec.toSingleObject(request);

        assertThat(encoded[0]).isEqualTo((byte) 0xC3);
        assertThat(VideoRequestCodec.decode(encoded)).isEqualTo(request);
    }

    @Test
    void shouldDecodeTheJsonItWrites() throws Exception {
        VideoRequest request = SampleRecords.request();

        assertThat(VideoRequestCodec.decode(VideoRequestCodec.toJson(request))).isEqualTo(request);
    }

    @Test
    void shouldDecodeMinimalJsonAndIgnoreUnknownFields() throws Exception {
        VideoRequest request =
                VideoRequestCodec.decode(
                        utf8(
                                "{\"requestId\":\"abc-1\",\"text\":\"Hello world.\","
                                        + "\"futureOption\":{\"x\":1},\"subtitles\":false}"));

        assertThat(request.getRequestId()).isEqualTo("abc-1");
        assertThat(request.getText()).isEqualTo("Hello world.");
        assertThat(request.getSubtitles()).isFalse();
        assertThat(request.getLanguageHint()).isNull();
        assertThat(request.getAttributes()).isEmpty();
    }

    @Test
    void shouldReadRequestWrittenWithTheOlderSchema() throws Exception {
        Schema v0 = VideoRequestCodec.historicSchema("VideoRequest-v0.avsc");
        GenericRecord old = new GenericData.Record(v0);
        old.put("requestId", "old-1");
        old.put("text", "Written by an old producer.");
        old.put("languageHint", "en");
        old.put("targetDurationSeconds", 20.0);
        byte[] encoded =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v0).encode(old).array();

        VideoRequest request = VideoRequestCodec.decode(encoded);

        assertThat(request.getRequestId()).isEqualTo("old-1");
        assertThat(request.getTargetDurationSeconds()).isEqualTo(20.0);
        assertThat(request.getPriority()).isNull();
        assertThat(request.getAttributes()).isEmpty();
    }

    @Test
    void shouldReadRequestWrittenBeforeTheQualityPreset() throws Exception {
        Schema v1 = VideoRequestCodec.historicSchema("VideoRequest-v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("requestId", "old-2");
        old.put("text", "Written before quality presets.");
        old.put("transition", "cut");
        old.put("attributes", java.util.Map.of());
        byte[] encoded =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        VideoRequest request = VideoRequestCodec.decode(encoded);

        assertThat(request.getTransition()).isEqualTo("cut");
        assertThat(request.getQualityPreset()).isNull();
    }

    @Test
    void shouldRejectAvroWithUnknownSchema() throws Exception {
        Schema stranger =
                SchemaBuilder.record("Stranger").fields().requiredString("name").endRecord();
        GenericRecord record = new GenericData.Record(stranger);
        record.put("name", "x");
        byte[] encoded =
                new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger)
                        .encode(record)
                        .array();

        assertThatThrownBy(() -> VideoRequestCodec.decode(encoded))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("unknown Avro schema");
    }

    @Test
    void shouldRejectTruncatedAvro() {
        byte[] encoded = VideoRequestCodec.toSingleObject(SampleRecords.request());
        byte[] truncated = java.util.Arrays.copyOf(encoded, 14);

        assertThatThrownBy(() -> VideoRequestCodec.decode(truncated))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("malformed Avro record");
    }

    @Test
    void shouldRejectBytesThatAreNeitherAvroNorJson() {
        assertThatThrownBy(() -> VideoRequestCodec.decode(new byte[] {0x00, 0x7f, 0x13, 0x37}))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("neither Avro single-object encoding nor JSON");
    }

    @Test
    void shouldRejectEmptyValue() {
        assertThatThrownBy(() -> VideoRequestCodec.decode(new byte[0]))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("empty record value");
    }

    @Test
    void shouldRejectJsonThatIsNotAnObject() {
        assertThatThrownBy(() -> VideoRequestCodec.decode(utf8("[1,2]")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void shouldNameMissingText() {
        assertThatThrownBy(() -> VideoRequestCodec.decode(utf8("{\"requestId\":\"a\"}")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("VideoRequest.text is required");
    }

    @Test
    void shouldNameFieldOfWrongType() {
        assertThatThrownBy(
                        () ->
                                VideoRequestCodec.decode(
                                        utf8(
                                                "{\"requestId\":\"a\",\"text\":\"t\","
                                                        + "\"targetDurationSeconds\":\"long\"}")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("targetDurationSeconds must be a number");
    }
}
