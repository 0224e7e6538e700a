package io.reelflow.schemas.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelflow.schemas.text.CleanText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record type as it travels on Kafka: Avro single-object encoding (recognised by its {@code C3
 * 01} marker; older schema versions resolved to the current one) or plain JSON, so anyone with
 * {@code kcat} can publish. Unknown JSON fields are ignored. Shared by the typed codecs ({@link
 * VideoRequestCodec}, {@link ControlCommandCodec}).
 */
final class SingleObjectOrJson<T extends SpecificRecord> {
    /**
     * Strict where leniency would let one record mean two things: a repeated field (which {@code
     * requestId} wins?) or a second value after the object.
     */
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    static {
        AvroClassTrust.install();
    }

    private final Class<T> type;
    private final Schema schema;
    private final String what;
    private final BinaryMessageDecoder<T> decoder;
    private final Function<T, ByteBuffer> encoder;

    /**
     * @param what the record's name in messages, e.g. "a request"
     * @param encoder the generated class's single-object encoder, e.g. {@code r ->
     *     VideoRequest.getEncoder().encode(r)} wrapped to be unchecked
     * @param history earlier schema versions that producers may still write
     */
    SingleObjectOrJson(
            Class<T> type, String what, Function<T, ByteBuffer> encoder, Schema... history) {
        this.type = type;
        this.schema = SpecificData.get().getSchema(type);
        this.what = what;
        this.encoder = encoder;
        this.decoder = new BinaryMessageDecoder<>(SpecificData.get(), schema);
        for (Schema old : history) {
            decoder.addSchema(old);
        }
    }

    /** Decodes a Kafka record value; the exception message says why it is not a record. */
    T decode(byte[] value) throws InvalidRecordException {
        if (value == null || value.length == 0) {
            throw new InvalidRecordException("empty record value");
        }
        return isSingleObjectEncoded(value) ? decodeAvro(value) : decodeJson(value);
    }

    /** The record in Avro single-object encoding (schema fingerprint + binary body). */
    byte[] toSingleObject(T record) {
        ByteBuffer buffer = encoder.apply(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    static boolean isSingleObjectEncoded(byte[] value) {
        return value.length >= 2 && value[0] == (byte) 0xC3 && value[1] == (byte) 0x01;
    }

    /** Adapts a generated class's throwing {@code encode} to a function. */
    static <T> Function<T, ByteBuffer> unchecked(Encoder<T> encode) {
        return record -> {
            try {
                return encode.encode(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A generated class's single-object encoder. */
    @FunctionalInterface
    interface Encoder<T> {
        ByteBuffer encode(T record) throws IOException;
    }

    private T decodeAvro(byte[] value) throws InvalidRecordException {
        try {
            return decoder.decode(value);
        } catch (MissingSchemaException e) {
            throw new InvalidRecordException("unknown Avro schema: " + e.getMessage(), e);
        } catch (BadHeaderException e) {
            throw new InvalidRecordException("bad Avro single-object header: " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new InvalidRecordException("malformed Avro record: " + e.getMessage(), e);
        }
    }

    private T decodeJson(byte[] value) throws InvalidRecordException {
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
            throw new InvalidRecordException(what + " must be a JSON object");
        }
        ObjectNode known = ((ObjectNode) node).deepCopy();
        for (Iterator<String> names = known.fieldNames(); names.hasNext(); ) {
            if (schema.getField(names.next()) == null) {
                names.remove();
            }
        }
        return RecordJson.fromNode(known, type);
    }
}
