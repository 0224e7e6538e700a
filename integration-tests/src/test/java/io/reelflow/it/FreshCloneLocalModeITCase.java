package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.cli.PublishCommand;
import io.reelflow.sidecar.SpeechEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@code ./reelflow local --exit-when-done}, run the way a new user runs it: in a copy of
 * the repository as a clone would have it (no {@code target/}, no {@code .local/}), with a JVM temp
 * dir of its own, so nothing a test run extracted or built beforehand (PostgreSQL binaries, class
 * paths) can make it pass by accident.
 */
class FreshCloneLocalModeITCase {

    /** Building the job from scratch and rendering every sample; far more than either needs. */
    private static final long DEADLINE_MINUTES = 25;

    @Test
    void shouldCompleteEverySampleFromAFreshClone(@TempDir Path work) throws Exception {
        Path clone = FreshClone.of(ProjectRoot.find(), work.resolve("clone"));
        withoutNarrationUnlessSpeechEngine(clone.resolve("examples"));
        Path jvmTemp = Files.createDirectories(work.resolve("jvm-tmp"));
        Path console = work.resolve("console.log");

        List<String> command = new ArrayList<>(List.of("./reelflow", "local", "--exit-when-done"));
        for (String port :
                List.of("kafka-port", "postgres-port", "s3-port", "sidecar-port", "web-ui-port")) {
            command.add("--" + port);
            command.add(Integer.toString(freePort()));
        }
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(clone.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(console.toFile());
        Map<String, String> env = builder.environment();
        // The Maven run that started this test exports its own settings; a user's shell has none.
        env.keySet().removeIf(name -> name.startsWith("MAVEN_") || name.startsWith("MVNW_"));
        env.put("REELFLOW_JAVA_OPTS", "-Xmx3g -Djava.io.tmpdir=" + jvmTemp);

        Process process = builder.start();
        boolean exited = process.waitFor(DEADLINE_MINUTES, TimeUnit.MINUTES);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(console, StandardCharsets.UTF_8);

        assertThat(exited)
                .as("./reelflow local exits within %d min; console:%n%s", DEADLINE_MINUTES, output)
                .isTrue();
        assertThat(process.exitValue())
                .as("exit code of ./reelflow local --exit-when-done; console:%n%s", output)
                .isZero();
        JsonNode report =
                new ObjectMapper().readTree(clone.resolve(".local/last-run.json").toFile());
        Map<String, String> statusById = new TreeMap<>();
        report.get("results")
                .forEach(
                        row ->
                                statusById.put(
                                        row.get("requestId").asText(), row.get("status").asText()));
        assertThat(statusById)
                .as("every sample in examples/ has a result; console:%n%s", output)
                .containsOnlyKeys(sampleIds(clone.resolve("examples")));
        assertThat(statusById.values())
                .as("status of every sample; console:%n%s", output)
                .containsOnly("COMPLETED");
    }

    /**
     * A narrated sample needs espeak-ng to complete: without it (and without {@code
     * REELFLOW_REQUIRE_SPEECH_ENGINE=1}, which fails here with the install hint) the clone's
     * samples ask for no narration, so the rest of local mode is still tested; the DEGRADED path is
     * {@code NarrationITCase}'s.
     */
    private static void withoutNarrationUnlessSpeechEngine(Path examples) throws Exception {
        SpeechEngine.Status status;
        try (SpeechEngine engine = SpeechEngine.create(SpeechEngine.DEFAULT_COMMAND, 1, 1)) {
            status = engine.status();
        }
        if (status.available()) {
            return;
        }
        if ("1".equals(System.getenv(SpeechEngine.REQUIRE_ENV))) {
            fail(SpeechEngine.REQUIRE_ENV + "=1 but " + status.problem());
        }
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String json = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(
                        file,
                        json.replace("\"narration\": true", "\"narration\": false"),
                        StandardCharsets.UTF_8);
            }
        }
    }

    private static List<String> sampleIds(Path examples) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                PublishCommand.readRequests(file).forEach(r -> ids.add(r.getRequestId()));
            }
        }
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
