package io.reelflow.sidecar.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the text fields of a {@code multipart/form-data} body (RFC 7578), as FastAPI's {@code
 * Form(...)} parameters see them; file parts are skipped (the fake takes no reference images).
 */
public final class Multipart {

    private Multipart() {}

    /**
     * @param contentType the request's full Content-Type, with its {@code boundary}
     * @throws IllegalArgumentException when the body is not a well-formed form
     */
    public static Map<String, String> textFields(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        // ISO-8859-1 maps bytes 1:1 to chars, so indexes found here are byte offsets.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Map<String, String> fields = new LinkedHashMap<>();
        int position = raw.indexOf(delimiter);
        if (position < 0) {
            throw new IllegalArgumentException("multipart body has no boundary " + delimiter);
        }
        while (true) {
            position += delimiter.length();
            if (raw.startsWith("--", position)) {
                return fields;
            }
            position = skipLineBreak(raw, position);
            int headersEnd = raw.indexOf("\r\n\r\n", position);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part without a blank line");
            }
            String headers = raw.substring(position, headersEnd);
            int contentStart = headersEnd + 4;
            int next = raw.indexOf("\r\n" + delimiter, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("multipart body is not closed");
            }
            String name = dispositionParameter(headers, "name");
            if (name != null && dispositionParameter(headers, "filename") == null) {
                fields.put(
                        name,
                        new String(
                                body, contentStart, next - contentStart, StandardCharsets.UTF_8));
            }
            position = next + 2;
        }
    }

    private static int skipLineBreak(String raw, int position) {
        if (raw.startsWith("\r\n", position)) {
            return position + 2;
        }
        throw new IllegalArgumentException("multipart boundary not followed by a line break");
    }

    private static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length());
                return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        throw new IllegalArgumentException("multipart Content-Type without boundary");
    }

    private static String dispositionParameter(String headers, String parameter) {
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                continue;
            }
            for (String part : line.substring(line.indexOf(':') + 1).split(";")) {
                String trimmed = part.strip();
                if (trimmed.startsWith(parameter + "=")) {
                    String value = trimmed.substring(parameter.length() + 1);
                    return value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1)
                            : value;
                }
            }
        }
        return null;
    }
}
