package io.reelflow.operators.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a canonical text, as content keys and cache keys are made. */
public final class ContentHash {

    private ContentHash() {}

    /** The lower-case hex SHA-256 of {@code canonical}'s UTF-8 bytes. */
    public static String sha256Hex(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
