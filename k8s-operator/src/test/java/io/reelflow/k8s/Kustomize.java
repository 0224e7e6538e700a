package io.reelflow.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a kustomization as {@code kubectl apply -k} would, with {@code kubectl kustomize} (the
 * kustomize built into kubectl). Without kubectl on the PATH the tests that need it are skipped,
 * unless {@value #REQUIRE_ENV}=1 (CI) makes them fail.
 */
final class Kustomize {

    static final String REQUIRE_ENV = "REELFLOW_REQUIRE_KUBECTL";

    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {}

    /** Whether kubectl is missing and the tests that need it are to be skipped. */
    static boolean skipped() {
        return kubectl().isEmpty() && !"1".equals(System.getenv(REQUIRE_ENV));
    }

    /** Skips the calling test when kubectl is missing, or fails it when CI requires kubectl. */
    static void assumeKubectl() {
        if (kubectl().isPresent()) {
            return;
        }
        String reason =
                "kubectl is not on the PATH, so the manifests cannot be rendered (kubectl >= 1.27,"
                        + " any cluster or none)";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            throw new AssertionError(reason + "; " + REQUIRE_ENV + "=1 requires it");
        }
        Assumptions.abort(reason + "; set " + REQUIRE_ENV + "=1 to fail instead of skipping");
    }

    /** The documents {@code kubectl kustomize dir} prints, in order. */
    static List<JsonNode> render(Path dir) throws IOException, InterruptedException {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("no kubectl"));
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process =
                    new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                            .redirectError(errors.toFile())
                            .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "kubectl kustomize "
                                + dir
                                + " failed: "
                                + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return YAML.readerFor(JsonNode.class)
                    .<JsonNode>readValues(new String(output, StandardCharsets.UTF_8))
                    .readAll();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Optional<Path> kubectl() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
