package io.reelflow.schemas.codec;

import io.reelflow.schemas.VideoRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.avro.Schema;

/**
 * Reads and writes {@link VideoRequest}s as they travel on Kafka: Avro single-object encoding
 * (recognised by its {@code C3 01} marker; older schema versions are resolved to the current one)
 * or plain JSON, so anyone with {@code kcat} can publish. Unknown JSON fields are ignored.
 */
public final class VideoRequestCodec {
    /** Earlier versions of the request schema that producers may still write. */
    private static final String[] SCHEMA_HISTORY = {"VideoRequest-v0.avsc", "VideoRequest-v1.avsc"};

    private static final SingleObjectOrJson<VideoRequest> CODEC =
            new SingleObjectOrJson<>(
                    VideoRequest.class,
                    "a request",
                    SingleObjectOrJson.unchecked(r -> VideoRequest.getEncoder().encode(r)),
                    Arrays.stream(SCHEMA_HISTORY)
                            .map(VideoRequestCodec::historicSchema)
                            .toArray(Schema[]::new));

    private VideoRequestCodec() {}

    /** Decodes a Kafka record value; the exception message says why a record is not a request. */
    public static VideoRequest decode(byte[] value) throws InvalidRecordException {
        return CODEC.decode(value);
    }

    /** The request in Avro single-object encoding (schema fingerprint + binary body). */
    public static byte[] toSingleObject(VideoRequest request) {
        return CODEC.toSingleObject(request);
    }

    /** The request as JSON, the form the public contract documents. */
    public static byte[] toJson(VideoRequest request) {
        return RecordJson.toJson(request);
    }

    static boolean isSingleObjectEncoded(byte[] value) {
        return SingleObjectOrJson.isSingleObjectEncoded(value);
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
