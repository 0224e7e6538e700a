package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ReelflowCli} and {@link PublishCommand#readRequests}. */
class ReelflowCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return ReelflowCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintUsageForUnknownCommand() throws Exception {
        assertThat(run("dance")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: reelflow <command>");
    }

    @Test
    void shouldPrintUsageInsteadOfStartingTheLocalStackOnHelp() throws Exception {
        assertThat(run("local", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("usage: reelflow <command>")
                .doesNotContain("Starting Kafka");
    }

    @Test
    void shouldRefuseReplayUnderTheLiveRunId() throws Exception {
        assertThat(run("replay")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("replay needs its own --reelflow.run-id");
    }

    @Test
    void shouldOnlyEndTheProcessForStandaloneCommands() {
        assertThat(ReelflowCli.endsProcess(new String[] {"local"})).isTrue();
        assertThat(ReelflowCli.endsProcess(new String[] {"run"})).isFalse();
    }

    @Test
    void shouldReadRequestsFromObjectArrayAndLines(@TempDir Path dir) throws Exception {
        Path object =
                Files.writeString(dir.resolve("one.json"), "{\"requestId\":\"a\",\"text\":\"A.\"}");
        Path array =
                Files.writeString(
                        dir.resolve("many.json"),
                        "[{\"requestId\":\"b\",\"text\":\"B.\"},{\"requestId\":\"c\",\"text\":\"C.\"}]");
        Path lines =
                Files.writeString(
                        dir.resolve("lines.jsonl"),
                        "{\"requestId\":\"d\",\"text\":\"D.\"}\n{\"requestId\":\"e\",\"text\":\"E.\"}\n");

        assertThat(PublishCommand.readRequests(object)).hasSize(1);
        assertThat(PublishCommand.readRequests(array))
                .extracting(r -> r.getRequestId())
                .containsExactly("b", "c");
        assertThat(PublishCommand.readRequests(lines))
                .extracting(r -> r.getRequestId())
                .containsExactly("d", "e");
    }

    @Test
    void shouldReadEverySampleRequest() throws Exception {
        Path examples = Path.of("..", "examples");
        try (var files = Files.list(examples)) {
            long count =
                    files.filter(p -> p.toString().endsWith(".json"))
                            .peek(
                                    p -> {
                                        try {
                                            assertThat(PublishCommand.readRequests(p)).hasSize(1);
                                        } catch (Exception e) {
                                            throw new AssertionError(p + ": " + e.getMessage(), e);
                                        }
                                    })
                            .count();
            assertThat(count).isGreaterThanOrEqualTo(5);
        }
    }
}
