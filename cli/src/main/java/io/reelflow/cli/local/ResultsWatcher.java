package io.reelflow.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.connectors.jdbc.JdbcSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Follows requests' results in {@code video_results}, as a user of the database would. */
final class ResultsWatcher {
    private static final ObjectMapper CREDITS_JSON = new ObjectMapper();

    private static final Set<String> TERMINAL =
            Set.of("COMPLETED", "DEGRADED", "FAILED", "REJECTED");

    private final JdbcSettings database;
    private final String runId;

    ResultsWatcher(JdbcSettings database, String runId) {
        this.database = database;
        this.runId = runId;
    }

    /** One row of {@code video_results}. */
    record Row(
            String requestId,
            String status,
            String language,
            Integer sceneCount,
            Double durationSeconds,
            Integer width,
            Integer height,
            Double qualityScore,
            String videoUri,
            String thumbnailUri,
            String subtitlesUri,
            String webVttUri,
            String contactSheetUri,
            JsonNode credits,
            String error,
            boolean terminalStatusRecorded) {

        boolean completed() {
            return "COMPLETED".equals(status);
        }

        String progressLine() {
            return String.format(
                    "%-28s %-9s %s", requestId, status, error != null ? error : videoUri);
        }
    }

    /**
     * Waits until every id has a terminal result, the deadline passes or {@code stillRunning} says
     * no, reporting each result once.
     */
    List<Row> awaitTerminal(
            List<String> requestIds,
            Duration deadline,
            Callable<Boolean> stillRunning,
            Consumer<Row> onFinished)
            throws Exception {
        long until = System.nanoTime() + deadline.toNanos();
        Set<String> reported = new HashSet<>();
        List<Row> rows = List.of();
        while (System.nanoTime() < until && stillRunning.call()) {
            rows = read(requestIds);
            for (Row row : rows) {
                if (TERMINAL.contains(row.status())
                        && row.terminalStatusRecorded()
                        && reported.add(row.requestId())) {
                    onFinished.accept(row);
                }
            }
            if (reported.size() == requestIds.size()) {
                return rows;
            }
            Thread.sleep(500);
        }
        return rows;
    }

    private static JsonNode credits(String json) throws SQLException {
        try {
            return CREDITS_JSON.readTree(json == null ? "[]" : json);
        } catch (IOException e) {
            throw new SQLException("unreadable credits column: " + json, e);
        }
    }

    List<Row> read(List<String> requestIds) throws SQLException {
        String sql =
                "SELECT request_id, status, language, scene_count, duration_seconds, width, height,"
                        + " quality_score, video_uri, thumbnail_uri, subtitles_uri, web_vtt_uri,"
                        + " contact_sheet_uri, credits::text, error,"
                        + " EXISTS (SELECT 1 FROM video_status s WHERE s.request_id = r.request_id"
                        + " AND s.run_id = r.run_id AND s.phase = r.status)"
                        + " FROM video_results r WHERE run_id = ? AND request_id = ANY (?)"
                        + " ORDER BY request_id";
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, runId);
            statement.setArray(2, connection.createArrayOf("text", requestIds.toArray()));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Row(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    (Integer) rs.getObject(4),
                                    (Double) rs.getObject(5),
                                    (Integer) rs.getObject(6),
                                    (Integer) rs.getObject(7),
                                    (Double) rs.getObject(8),
                                    rs.getString(9),
                                    rs.getString(10),
                                    rs.getString(11),
                                    rs.getString(12),
                                    rs.getString(13),
                                    credits(rs.getString(14)),
                                    rs.getString(15),
                                    rs.getBoolean(16)));
                }
            }
            return rows;
        }
    }

    /** The phases recorded in {@code video_status} per request, in time order. */
    Map<String, List<String>> phases(List<String> requestIds) throws SQLException {
        String sql =
                "SELECT request_id, phase FROM video_status WHERE run_id = ? AND request_id = ANY (?)"
                        + " ORDER BY request_id, progress, at";
        Map<String, List<String>> phases = new LinkedHashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, runId);
            statement.setArray(2, connection.createArrayOf("text", requestIds.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    phases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return phases;
    }

    /**
     * Writes results and status phases as JSON, so a run can be checked after the stack is gone.
     */
    void writeReport(List<Row> rows, List<String> requestIds, Path file)
            throws SQLException, IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("runId", runId);
        report.put("results", rows);
        report.put("statusPhases", phases(requestIds));
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), report);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
