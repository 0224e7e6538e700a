package io.reelflow.sidecar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The fields of a submission that shape its output, as the sidecar read them off the wire; the
 * server counts submissions per {@link #hash()} so that tests can tell a resubmission from a
 * resumed job. The hash follows Reelflow's content key ({@code GenerationRequest.contentKey()}),
 * less the model version, which no protocol carries.
 *
 * @param model the model named in the request (for ComfyUI: the weights file of the workflow)
 * @param kind {@code VIDEO} or {@code IMAGE}
 * @param negativePrompt empty for none
 * @param fps 0 for a still
 * @param frames 0 for a still
 */
public record SubmissionKey(
        String model,
        String kind,
        String prompt,
        String negativePrompt,
        long seed,
        int width,
        int height,
        int fps,
        int frames) {

    public SubmissionKey {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(negativePrompt, "negativePrompt");
    }

    /** SHA-256 (hex) of the fields, one per line, in the content key's order. */
    public String hash() {
        String canonical =
                String.join(
                        "\n",
                        "v2",
                        model,
                        kind,
                        prompt,
                        negativePrompt,
                        Long.toString(seed),
                        width + "x" + height,
                        Integer.toString(fps),
                        Integer.toString(frames));
        return sha256(canonical);
    }

    static String sha256(String canonical) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
