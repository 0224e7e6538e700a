package io.reelflow.operators.generation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of what subtasks share: the SHA-256 of the serialized parts, which every subtask of
 * a job has equal; the parts' identities when one cannot serialize.
 */
public final class SharedKey {
    private SharedKey() {}

    public static String of(Object... parts) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Object part : parts) {
                out.writeObject(part);
            }
            out.flush();
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            StringBuilder identity = new StringBuilder();
            for (Object part : parts) {
                identity.append(System.identityHashCode(part)).append('/');
            }
            return identity.toString();
        }
    }
}
