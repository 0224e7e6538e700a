package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.embedded.EmbeddedPostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link RequestStatus#load} and {@code reelflow status} against PostgreSQL with the
 * job's tables ({@code JdbcSchema}).
 */
class RequestStatusITCase {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        JdbcSchema.apply(JdbcSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password()));
        try (Connection sql = connect()) {
            status(sql, "st-1", "live", "RECEIVED", 5, 0, null);
            status(sql, "st-1", "live", "SCENES_PLANNED", 25, 1, 3);
            status(sql, "st-1", "live", "CANCELLED", 100, 4, null);
            result(sql, "st-1", "live", "CANCELLED", 4, "cancelled by alice at …: typo");
            status(sql, "st-1", "replay-1", "RECEIVED", 5, -60, null);
            status(sql, "st-2", "live", "RECEIVED", 5, 0, null);
        }
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldReadTheLatestRunWithItsTimelineAndResult() throws Exception {
        try (Connection sql = connect()) {
            RequestStatus status = RequestStatus.load(sql, "st-1", null).orElseThrow();

            assertThat(status.runId()).isEqualTo("live");
            assertThat(status.timeline())
                    .extracting(RequestStatus.PhaseRow::phase)
                    .containsExactly("RECEIVED", "SCENES_PLANNED", "CANCELLED");
            assertThat(status.timeline().get(1).sceneCount()).isEqualTo(3);
            assertThat(status.result().status()).isEqualTo("CANCELLED");
            assertThat(status.result().message()).contains("typo");
            assertThat(status.result().completedAt()).isEqualTo(T0.plusSeconds(4));
            assertThat(status.otherRuns()).containsExactly("replay-1");

            assertThat(RequestStatus.load(sql, "st-1", "replay-1").orElseThrow().result()).isNull();
            assertThat(RequestStatus.load(sql, "st-2", null).orElseThrow().result()).isNull();
            assertThat(RequestStatus.load(sql, "st-1", "replay-9")).isEmpty();
            assertThat(RequestStatus.load(sql, "nobody", null)).isEmpty();
        }
    }

    @Test
    void shouldPrintTheStatusAndExitZeroOrOneWhenUnknown() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] connection = {
            "--jdbc-url",
            postgres.jdbcUrl(),
            "--jdbc-user",
            postgres.user(),
            "--jdbc-password",
            postgres.password()
        };

        assertThat(cli(out, "status", "st-1", connection)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("phase       CANCELLED (100%)")
                .contains("result      CANCELLED");
        assertThat(cli(new ByteArrayOutputStream(), "status", "nobody", connection)).isOne();
    }

    private static int cli(ByteArrayOutputStream out, String command, String id, String[] options)
            throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = command;
        args[1] = id;
        System.arraycopy(options, 0, args, 2, options.length);
        return ReelflowCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(
                postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    private static void status(
            Connection sql,
            String requestId,
            String runId,
            String phase,
            int progress,
            int second,
            Integer scenes)
            throws Exception {
        try (PreparedStatement insert =
                sql.prepareStatement(
                        "INSERT INTO video_status (request_id, run_id, phase, progress, message,"
                                + " scene_count, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, requestId);
            insert.setString(2, runId);
            insert.setString(3, phase);
            insert.setInt(4, progress);
            insert.setString(5, phase.toLowerCase());
            insert.setObject(6, scenes);
            insert.setTimestamp(7, Timestamp.from(T0.plusSeconds(second)));
            insert.executeUpdate();
        }
    }

    private static void result(
            Connection sql, String requestId, String runId, String status, int second, String error)
            throws Exception {
        try (PreparedStatement insert =
                sql.prepareStatement(
                        "INSERT INTO video_results (request_id, run_id, status, error, completed_at)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, requestId);
            insert.setString(2, runId);
            insert.setString(3, status);
            insert.setString(4, error);
            insert.setTimestamp(5, Timestamp.from(T0.plusSeconds(second)));
            insert.executeUpdate();
        }
    }
}
