package io.reelflow.connectors.internal.http;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an endpoint's bearer token comes from: an environment variable or a mounted secret file.
 * Holds only the source's name; the token is read when a request is made and is never part of a
 * message, a log line or {@link #toString()}.
 */
public final class BearerToken implements Serializable {

    private static final BearerToken NONE = new BearerToken(null, null);

    /** A token file larger than this is not a token. */
    private static final int MAX_TOKEN_BYTES = 16 * 1024;

    private final String environmentVariable;
    private final String file;

    private BearerToken(String environmentVariable, String file) {
        this.environmentVariable = environmentVariable;
        this.file = file;
    }

    /**
     * @throws IllegalArgumentException when both sources are named
     */
    public static BearerToken of(String environmentVariable, String file) {
        if (environmentVariable != null && file != null) {
            throw new IllegalArgumentException("set token-env or token-file, not both");
        }
        if (environmentVariable == null && file == null) {
            return NONE;
        }
        return new BearerToken(blankToNull(environmentVariable), blankToNull(file));
    }

    public static BearerToken none() {
        return NONE;
    }

    /**
     * The token, read now; empty when no source is configured.
     *
     * @throws IOException when the configured source is missing or empty (the message names the
     *     source, not the value)
     */
    public Optional<String> read() throws IOException {
        if (environmentVariable != null) {
            String value = System.getenv(environmentVariable);
            if (value == null || value.isBlank()) {
                throw new IOException(
                        "environment variable " + environmentVariable + " (token-env) is not set");
            }
            return Optional.of(value.strip());
        }
        if (file != null) {
            Path path = Path.of(file);
            if (Files.size(path) > MAX_TOKEN_BYTES) {
                throw new IOException("token-file " + file + " is too large to be a token");
            }
            String value = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IOException("token-file " + file + " is empty");
            }
            return Optional.of(value);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        if (environmentVariable != null) {
            return "BearerToken[env " + environmentVariable + "]";
        }
        return file != null ? "BearerToken[file " + file + "]" : "BearerToken[none]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
