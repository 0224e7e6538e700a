package io.reelflow.operators.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content keys media are cached under: the SHA-256 (hex) of the parts that shape a result,
 * joined by newlines, so the same work is never done twice and a replay finds it.
 */
public final class ContentKeys {

    private ContentKeys() {}

    /** The SHA-256 (hex) of {@code parts} joined by {@code "\n"}. */
    public static String sha256(String... parts) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(
                                            String.join("\n", parts)
                                                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
