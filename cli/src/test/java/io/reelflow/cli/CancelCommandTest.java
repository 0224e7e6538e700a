package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.schemas.ControlAction;
import io.reelflow.schemas.ControlCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Tests for {@link CancelCommand} and the arguments of {@link StatusCommand}. */
class CancelCommandTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldMakeACancelWithItsReasonIssuerAndTime() {
        ControlCommand command = CancelCommand.cancel("r1", "replay-2", "typo", "alice", CLOCK);

        assertThat(command.getAction()).isEqualTo(ControlAction.CANCEL);
        assertThat(command.getRequestId()).isEqualTo("r1");
        assertThat(command.getRunId()).isEqualTo("replay-2");
        assertThat(command.getReason()).isEqualTo("typo");
        assertThat(command.getIssuedBy()).isEqualTo("alice");
        assertThat(command.getIssuedAtMillis()).isEqualTo(CLOCK.millis());
    }

    @Test
    void shouldRefuseIdsTheJobWouldDeadLetter() {
        assertThatThrownBy(() -> CancelCommand.cancel("a b", null, null, "alice", CLOCK))
                .hasMessageContaining("request id 'a b' must be 1-128 characters");
        assertThatThrownBy(() -> CancelCommand.cancel("r1", "x/y", null, "alice", CLOCK))
                .hasMessageContaining("run id 'x/y'");
    }

    @Test
    void shouldAnswerUsageErrorsWithExitCodeTwoBeforeConnecting() throws Exception {
        assertThat(run("cancel")).isEqualTo(2);
        assertThat(run("cancel", "a b")).isEqualTo(2);
        assertThat(run("status")).isEqualTo(2);
        assertThat(run("status", "r1", "--jdbc-url", "jdbc:mysql://db/reelflow")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cancel needs exactly one request id")
                .contains("must be 1-128 characters")
                .contains("status needs exactly one request id")
                .contains("must be a PostgreSQL URL");
    }

    @Test
    void shouldTellAnUnreadableDatabaseFromAnUnknownRequest() throws Exception {
        assertThat(
                        run(
                                "status",
                                "r1",
                                "--jdbc-url",
                                "jdbc:postgresql://127.0.0.1:1/reelflow?connectTimeout=2"))
                .isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not read jdbc:postgresql");
    }

    private int run(String... args) throws Exception {
        return ReelflowCli.run(
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
