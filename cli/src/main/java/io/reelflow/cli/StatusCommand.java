package io.reelflow.cli;

import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.job.ConnectorSettings;
import io.reelflow.job.config.DatabaseOptions;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code reelflow status ID}: the request's phase, scenes, timeline and result from PostgreSQL
 * ({@link RequestStatus}). Exit code 0 when the request is known, 1 when it is not, 2 on a usage
 * error and 3 when PostgreSQL cannot be read.
 */
public final class StatusCommand {
    static final String USAGE =
            String.join(
                    "\n",
                    "  status   a request's phase, timeline and result, from PostgreSQL:",
                    "           <request id> [--run-id <run>] [--jdbc-url jdbc:postgresql://localhost:5433/reelflow]",
                    "           [--jdbc-user postgres] [--jdbc-password <password>] (or the job's --reelflow.jdbc.*",
                    "           options, e.g. $(cat .local/connection.args)); exit 1 when unknown, 3 when unreadable");

    private StatusCommand() {}

    static int run(CommandLine line, PrintStream out, PrintStream err) {
        if (line.arguments().size() != 1) {
            err.println("status needs exactly one request id");
            return 2;
        }
        JdbcSettings database;
        try {
            database =
                    ConnectorSettings.from(
                                    line.configuration(
                                            Map.of(
                                                    "jdbc-url", DatabaseOptions.URL,
                                                    "jdbc-user", DatabaseOptions.USER,
                                                    "jdbc-password", DatabaseOptions.PASSWORD)))
                            .database();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        String requestId = line.arguments().get(0);
        String runId = line.options().get("run-id");
        Optional<RequestStatus> status;
        try (Connection sql =
                DriverManager.getConnection(database.url(), database.user(), database.password())) {
            status = RequestStatus.load(sql, requestId, runId);
        } catch (SQLException e) {
            // Not "unknown": the request may well exist; say why it could not be read.
            err.printf("could not read %s: %s%n", database.url(), e.getMessage());
            return 3;
        }
        if (status.isEmpty()) {
            err.printf(
                    "request %s%s is not known to %s%n",
                    requestId, runId == null ? "" : " in run " + runId, database.url());
            return 1;
        }
        out.print(status.get().format());
        return 0;
    }
}
