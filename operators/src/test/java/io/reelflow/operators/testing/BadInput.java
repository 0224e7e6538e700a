package io.reelflow.operators.testing;

import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.VideoRequestCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A catalogue of hostile request records and what admission must answer to each: a dead letter
 * whose reason contains {@code reason}, under {@code expectedId} (then also a REJECTED result) or
 * under no id (then only the dead letter, found by its Kafka {@code key}). Shared by the unit test
 * of admission and by job-level tests that publish the same records to Kafka.
 *
 * @param name what is wrong, for test names
 * @param key the Kafka record key to send it with
 * @param payload the record value
 * @param reason a fragment of the dead letter's reason
 * @param expectedId the request id the rejection is reported under, or null for none
 */
public record BadInput(String name, String key, byte[] payload, String reason, String expectedId) {

    @Override
    public String toString() {
        return name;
    }

    /** The default limits' payload size: 64 KB. */
    private static final int MAX_PAYLOAD = 64 * 1024;

    /**
     * This input as it must be sent among the others to one running job: the id it is answered
     * under gets the suffix {@code -n}, so deduplication does not take it for a re-send of another
     * case with the same id.
     */
    public BadInput distinct(int n) {
        if (expectedId == null) {
            return this;
        }
        String unique = expectedId + "-" + n;
        byte[] idField = utf8("\"requestId\":\"" + expectedId + "\"");
        int at = payload == null ? -1 : indexOf(payload, idField);
        if (at >= 0) {
            byte[] renamed = utf8("\"requestId\":\"" + unique + "\"");
            byte[] tail = Arrays.copyOfRange(payload, at + idField.length, payload.length);
            return new BadInput(
                    name, key, concat(Arrays.copyOf(payload, at), renamed, tail), reason, unique);
        }
        if (expectedId.equals(key)) {
            return new BadInput(name, unique, payload, reason, unique);
        }
        return this;
    }

    public static List<BadInput> all() {
        List<BadInput> all = new ArrayList<>();
        // Not a request at all: answered under the Kafka key when that is a valid id.
        all.add(
                bytes(
                        "invalid UTF-8",
                        "bad-utf8",
                        concat(
                                utf8("{\"requestId\":\"r\",\"text\":\""),
                                new byte[] {(byte) 0xff, (byte) 0xfe},
                                utf8("\"}")),
                        "neither Avro single-object encoding nor JSON (Invalid UTF-8",
                        "bad-utf8"));
        all.add(
                json(
                        "deep JSON nesting",
                        "bad-deep",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"attributes\":"
                                + "[".repeat(5_000)
                                + "]".repeat(5_000)
                                + "}",
                        "nesting depth",
                        "bad-deep"));
        all.add(
                bytes(
                        "wrong Avro fingerprint",
                        "bad-fingerprint",
                        wrongFingerprint(),
                        "unknown Avro schema",
                        "bad-fingerprint"));
        all.add(
                bytes(
                        "truncated Avro body",
                        "bad-truncated",
                        truncatedAvro(),
                        "malformed Avro record",
                        "bad-truncated"));
        all.add(
                bytes(
                        "Avro marker only",
                        "bad-marker",
                        new byte[] {(byte) 0xC3, 0x01},
                        "Avro",
                        "bad-marker"));
        all.add(
                json(
                        "huge number",
                        "bad-huge",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"targetDurationSeconds\":1e400}",
                        "targetDurationSeconds must be between 2 and 600, got Infinity",
                        "r"));
        all.add(
                json(
                        "huge integer",
                        "bad-int",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"fps\":99999999999999999999}",
                        "fps must be an integer",
                        "bad-int"));
        all.add(
                json(
                        "text of the wrong type",
                        "bad-type",
                        "{\"requestId\":\"r\",\"text\":[\"a\"]}",
                        "text must be a string",
                        "bad-type"));
        all.add(
                json(
                        "duration of the wrong type",
                        "bad-type2",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"targetDurationSeconds\":\"ten\"}",
                        "targetDurationSeconds must be a number",
                        "bad-type2"));
        all.add(
                json(
                        "subtitles of the wrong type",
                        "bad-type3",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"subtitles\":\"yes\"}",
                        "subtitles must be true or false",
                        "bad-type3"));
        all.add(
                json(
                        "duplicate JSON keys",
                        "bad-dup",
                        "{\"requestId\":\"a\",\"requestId\":\"b\",\"text\":\"t\"}",
                        "Duplicate field 'requestId'",
                        "bad-dup"));
        all.add(
                json(
                        "trailing JSON value",
                        "bad-trailing",
                        "{\"requestId\":\"r\",\"text\":\"t\"} {\"requestId\":\"s\"}",
                        "Trailing token",
                        "bad-trailing"));
        all.add(
                json(
                        "NaN duration",
                        "bad-nan",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"targetDurationSeconds\":NaN}",
                        "Non-standard token 'NaN'",
                        "bad-nan"));
        all.add(
                json(
                        "Infinity duration",
                        "bad-inf",
                        "{\"requestId\":\"r\",\"text\":\"t\",\"targetDurationSeconds\":Infinity}",
                        "Non-standard token 'Infinity'",
                        "bad-inf"));
        all.add(
                bytes(
                        "NaN duration in Avro",
                        "bad-nan-avro",
                        VideoRequestCodec.toSingleObject(
                                request("r-nan").setTargetDurationSeconds(Double.NaN).build()),
                        "got NaN",
                        "r-nan"));
        all.add(
                json(
                        "empty object",
                        "bad-empty-object",
                        "{}",
                        "VideoRequest.requestId is required",
                        "bad-empty-object"));
        all.add(
                json(
                        "array instead of object",
                        "bad-array",
                        "[{\"requestId\":\"r\",\"text\":\"t\"}]",
                        "a request must be a JSON object",
                        "bad-array"));
        all.add(
                bytes(
                        "zero bytes",
                        "bad-zeros",
                        new byte[16],
                        "neither Avro single-object encoding nor JSON",
                        "bad-zeros"));
        all.add(
                bytes(
                        "empty value",
                        "bad-empty-value",
                        new byte[0],
                        "empty record value",
                        "bad-empty-value"));
        all.add(bytes("null value", null, null, "empty record value", null));
        all.add(
                bytes(
                        "oversize payload",
                        "bad-size",
                        filled(MAX_PAYLOAD + 1, '{'),
                        "65537 bytes, over the limit of 65536 (not parsed)",
                        "bad-size"));
        all.add(
                json(
                        "100,000 attributes",
                        "bad-attrs",
                        attributes(100_000),
                        "bytes, over the limit of 65536",
                        "bad-attrs"));
        // Requests with a readable id: REJECTED under it.
        all.add(
                json(
                        "65 attributes",
                        null,
                        attributes(65),
                        "attributes has 65 entries, over the limit of 64",
                        "r"));
        all.add(
                json(
                        "long attribute key",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"attributes\":{\""
                                + "k".repeat(65)
                                + "\":\"v\"}}",
                        "characters, over the limit of 64",
                        "r"));
        all.add(
                json(
                        "long attribute value",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"attributes\":{\"k\":\""
                                + "v".repeat(1_025)
                                + "\"}}",
                        "value of 1025 characters, over the limit of 1024",
                        "r"));
        all.add(
                json(
                        "long style",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"style\":\""
                                + "s".repeat(501)
                                + "\"}",
                        "style has 501 characters, over the limit of 500",
                        "r"));
        all.add(
                json(
                        "long language hint",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"languageHint\":\""
                                + "x".repeat(100)
                                + "\"}",
                        "is longer than a language tag",
                        "r"));
        all.add(
                json(
                        "blank text",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"  \\n\\t \"}",
                        "text is empty once",
                        "r"));
        all.add(
                json(
                        "control-only text",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"\\u0000\\u0001\\u0007\\u001b\"}",
                        "text is empty once",
                        "r"));
        all.add(
                json(
                        "zero-width text",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"\\u200b\\u200d\\ufeff\\u2060\"}",
                        "text is empty once",
                        "r"));
        all.add(
                json(
                        "lone surrogate text",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"\\ud800\"}",
                        "text is empty once",
                        "r"));
        all.add(
                json(
                        "missing text",
                        null,
                        "{\"requestId\":\"r\"}",
                        "VideoRequest.text is required",
                        null));
        all.add(
                json(
                        "text over the limit",
                        null,
                        "{\"requestId\":\"r\",\"text\":\""
                                + "x".repeat(20_001)
                                + "\",\"subtitles\":false}",
                        "20001 characters, over the limit of 20000",
                        "r"));
        all.add(
                json(
                        "text too long to read",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"" + "字".repeat(15_000) + "\"}",
                        "text needs 1667 s of subtitles to be readable",
                        "r"));
        all.add(
                json(
                        "zero byte in resolution",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"resolution\":\"720p\\u0000\"}",
                        "unsupported resolution '720p\\u0000'",
                        "r"));
        all.add(
                json(
                        "long aspect ratio",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"aspectRatio\":\""
                                + "9".repeat(10_000)
                                + "\"}",
                        "unsupported aspect ratio '9999",
                        "r"));
        all.add(
                json(
                        "unknown transition",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"transition\":\"wipe\\u0000\"}",
                        "unsupported transition 'wipe\\u0000'",
                        "r"));
        all.add(
                json(
                        "unsupported fps",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"fps\":29}",
                        "fps must be one of [24, 25, 30], got 29",
                        "r"));
        all.add(
                json(
                        "duration too short",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"targetDurationSeconds\":0.5}",
                        "between 2 and 600, got 0.5",
                        "r"));
        all.add(
                json(
                        "over the work budget",
                        null,
                        "{\"requestId\":\"r\",\"text\":\"t\",\"targetDurationSeconds\":600,\"resolution\":\"2160p\",\"fps\":30}",
                        "work budget exceeded: 600 s x 3840x2160 x 30 fps = 149.3 G",
                        "r"));
        // Unreadable ids: the Kafka key stands in when it is a valid id, else there is no id.
        all.add(
                json(
                        "missing requestId",
                        "key-id",
                        "{\"text\":\"t\"}",
                        "VideoRequest.requestId is required",
                        "key-id"));
        all.add(
                json(
                        "null requestId",
                        "key-id",
                        "{\"requestId\":null,\"text\":\"t\"}",
                        "requestId must be a string",
                        "key-id"));
        all.add(
                json(
                        "200-character requestId",
                        "key-id",
                        "{\"requestId\":\"" + "a".repeat(200) + "\",\"text\":\"t\"}",
                        "must be 1-128 characters",
                        "key-id"));
        all.add(
                json(
                        "Unicode requestId",
                        "key-id",
                        "{\"requestId\":\"r\u00e9quest\",\"text\":\"t\"}",
                        "'r\u00e9quest' must be 1-128 characters",
                        "key-id"));
        all.add(
                json(
                        "path in requestId",
                        "k\u00e9y",
                        "{\"requestId\":\"../etc\",\"text\":\"t\"}",
                        "'../etc' must be 1-128 characters",
                        null));
        all.add(
                json(
                        "invalid id and no key",
                        null,
                        "{\"requestId\":\"a b\",\"text\":\"t\"}",
                        "'a b' must be 1-128 characters",
                        null));
        return all;
    }

    private static BadInput json(
            String name, String key, String json, String reason, String expectedId) {
        return new BadInput(name, key, utf8(json), reason, expectedId);
    }

    private static BadInput bytes(
            String name, String key, byte[] payload, String reason, String expectedId) {
        return new BadInput(name, key, payload, reason, expectedId);
    }

    private static VideoRequest.Builder request(String id) {
        return VideoRequest.newBuilder().setRequestId(id).setText("t").setAttributes(Map.of());
    }

    private static byte[] wrongFingerprint() {
        byte[] avro = VideoRequestCodec.toSingleObject(request("r").build());
        avro[2] ^= 0x55;
        return avro;
    }

    private static byte[] truncatedAvro() {
        byte[] avro =
                VideoRequestCodec.toSingleObject(request("r").setText("a longer text").build());
        return Arrays.copyOf(avro, 14);
    }

    private static String attributes(int count) {
        StringBuilder json =
                new StringBuilder("{\"requestId\":\"r\",\"text\":\"t\",\"attributes\":{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return json.append("}}").toString();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
