package io.reelflow.cli.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.connectors.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a replay reads from and writes to PostgreSQL besides the job's own rows: results of the
 * reference run, the run-id guard, and the {@code replay_runs} row of each replay.
 */
public final class ReplayLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcSettings settings;

    public ReplayLedger(JdbcSettings settings) {
        this.settings = settings;
    }

    /** A request's latest result in one run. */
    public record Outcome(String status, String language) {}

    /** One {@code replay_runs} row. */
    public record ReplayRun(
            String runId,
            String source,
            String selection,
            Instant started,
            Instant finished,
            int selected,
            String outcomes) {}

    public ExistingRun existing(String runId) throws SQLException {
        try (Connection sql = connect()) {
            int results;
            try (PreparedStatement statement =
                    sql.prepareStatement("SELECT count(*) FROM video_results WHERE run_id = ?")) {
                statement.setString(1, runId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    results = rows.getInt(1);
                }
            }
            try (PreparedStatement statement =
                    sql.prepareStatement(
                            "SELECT started_at, finished_at FROM replay_runs WHERE run_id = ?")) {
                statement.setString(1, runId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return new ExistingRun(
                                results,
                                instant(rows.getTimestamp(1)),
                                instant(rows.getTimestamp(2)));
                    }
                }
            }
            return new ExistingRun(results, null, null);
        }
    }

    /** The requests whose outcome (in a run's {@link #outcomes}) has one of {@code statuses}. */
    public static Set<String> withStatus(
            Map<String, Outcome> outcomes, Collection<String> statuses) {
        Set<String> ids = new TreeSet<>();
        outcomes.forEach(
                (requestId, outcome) -> {
                    if (statuses.contains(outcome.status())) {
                        ids.add(requestId);
                    }
                });
        return ids;
    }

    /** The results of {@code runId}, by request id. */
    public Map<String, Outcome> outcomes(String runId) throws SQLException {
        Map<String, Outcome> outcomes = new HashMap<>();
        try (Connection sql = connect();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "SELECT request_id, status, language FROM video_results"
                                        + " WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(
                            rows.getString(1), new Outcome(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return outcomes;
    }

    /** Deletes every row of {@code runId} (results, status, its replay row), for --overwrite. */
    public void clear(String runId) throws SQLException {
        try (Connection sql = connect()) {
            sql.setAutoCommit(false);
            for (String table : List.of("video_results", "video_status", "replay_runs")) {
                try (PreparedStatement statement =
                        sql.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    statement.setString(1, runId);
                    statement.executeUpdate();
                }
            }
            sql.commit();
        }
    }

    public void started(String runId, String source, String selection, int selected, Instant at)
            throws SQLException {
        try (Connection sql = connect();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "INSERT INTO replay_runs (run_id, source, selection, started_at,"
                                        + " requests_selected) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, runId);
            statement.setString(2, source);
            statement.setString(3, selection);
            statement.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.setInt(5, selected);
            statement.executeUpdate();
        }
    }

    public void finished(String runId, Map<String, Integer> outcomes, Instant at)
            throws SQLException {
        try (Connection sql = connect();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "UPDATE replay_runs SET finished_at = ?, outcomes = CAST(? AS jsonb)"
                                        + " WHERE run_id = ?")) {
            statement.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            statement.setString(2, json(new TreeMap<>(outcomes)));
            statement.setString(3, runId);
            statement.executeUpdate();
        }
    }

    /** Every replay, newest first. */
    public List<ReplayRun> list() throws SQLException {
        List<ReplayRun> runs = new ArrayList<>();
        try (Connection sql = connect();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "SELECT run_id, source, selection, started_at, finished_at,"
                                        + " requests_selected, outcomes::text FROM replay_runs"
                                        + " ORDER BY started_at DESC");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                runs.add(
                        new ReplayRun(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                instant(rows.getTimestamp(4)),
                                instant(rows.getTimestamp(5)),
                                rows.getInt(6),
                                rows.getString(7)));
            }
        }
        return runs;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String json(Map<String, Integer> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
