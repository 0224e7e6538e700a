package io.reelflow.schemas.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.text.CleanText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;

/**
 * Reads and writes {@link VideoRequest}s as they travel on Kafka: Avro single-object encoding
 * (recognised by its {@code C3 01} marker; older schema versions are resolved to the current one)
 * or plain JSON, so anyone with {@code kcat} can publish. Unknown JSON fields are ignored.
 */
public final class VideoRequestCodec {
    /** Earlier versions of the request schema that producers may still write. */
    private static final String[] SCHEMA_HISTORY = {"VideoRequest-v0.avsc", "VideoRequest-v1.avsc"};

    /**
     * Strict where leniency would let one record mean two things: a repeated field (which {@code
     * requestId} wins?) or a second value after the object.
     */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private static final BinaryMessageDecoder<VideoRequest> DECODER = newDecoder();

    static {
        AvroClassTrust.install();
    }

    private VideoRequestCodec() {}

    /** Decodes a Kafka record value; the exception message says why a record is not a request. */
    public static VideoRequest decode(byte[] value) throws InvalidRecordException {
        if (value == null || value.length == 0) {
            throw new InvalidRecordException("empty record value");
        }
        if (isSingleObjectEncoded(value)) {
            return decodeAvro(value);
        }
        return decodeJson(value);
    }

    /** The request in Avro single-object encoding (schema fingerprint + binary body). */
    public static byte[] toSingleObject(VideoRequest request) {
        try {
            ByteBuffer buffer = VideoRequest.getEncoder().encode(request);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request as JSON, the form the public contract documents. */
    public static byte[] toJson(VideoRequest request) {
        return RecordJson.toJson(request);
    }

    static boolean isSingleObjectEncoded(byte[] value) {
        return value.length >= 2 && value[0] == (byte) 0xC3 && value[1] == (byte) 0x01;
    }

    private static VideoRequest decodeAvro(byte[] value) throws InvalidRecordException {
        try {
            return DECODER.decode(value);
        } catch (MissingSchemaException e) {
            throw new InvalidRecordException("unknown Avro schema: " + e.getMessage(), e);
        } catch (BadHeaderException e) {
            throw new InvalidRecordException("bad Avro single-object header: " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new InvalidRecordException("malformed Avro record: " + e.getMessage(), e);
        }
    }

    private static VideoRequest decodeJson(byte[] value) throws InvalidRecordException {
        JsonNode node;
        try {
            node = MAPPER.readTree(value);
        } catch (IOException e) {
            String detail =
                    e instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
            throw new InvalidRecordException(
                    "malformed record: neither Avro single-object encoding nor JSON"
                            + (detail == null ? "" : " (" + CleanText.forSink(detail, 200) + ")"),
                    e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException("a request must be a JSON object");
        }
        ObjectNode known = ((ObjectNode) node).deepCopy();
        for (Iterator<String> names = known.fieldNames(); names.hasNext(); ) {
            if (VideoRequest.getClassSchema().getField(names.next()) == null) {
                names.remove();
            }
        }
        return RecordJson.fromNode(known, VideoRequest.class);
    }

    private static BinaryMessageDecoder<VideoRequest> newDecoder() {
        BinaryMessageDecoder<VideoRequest> decoder =
                new BinaryMessageDecoder<>(SpecificData.get(), VideoRequest.getClassSchema());
        for (String resource : SCHEMA_HISTORY) {
            decoder.addSchema(historicSchema(resource));
        }
        return decoder;
    }

    /** A past version of the request schema, kept as a resource so old producers keep working. */
    public static Schema historicSchema(String resource) {
        try (InputStream in =
                VideoRequestCodec.class.getResourceAsStream(
                        "/io/reelflow/schemas/history/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + resource);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
