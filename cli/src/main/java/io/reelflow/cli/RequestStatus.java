package io.reelflow.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request in one run as PostgreSQL knows it: its status rows ({@code video_status}) in time
 * order and its result ({@code video_results}), read with plain JDBC, and the text {@code reelflow
 * status} prints.
 *
 * @param timeline the status rows, oldest first
 * @param result the result row, or null while the request is in progress
 * @param otherRuns other runs that know the request (replays), most recent first
 */
public record RequestStatus(
        String requestId,
        String runId,
        List<PhaseRow> timeline,
        Result result,
        List<String> otherRuns) {

    /** A {@code video_status} row. */
    public record PhaseRow(
            String phase, int progress, Instant at, String message, Integer sceneCount) {}

    /** The {@code video_results} columns {@code status} shows. */
    public record Result(
            String status,
            String videoUri,
            Double durationSeconds,
            Double qualityScore,
            String message,
            Instant completedAt) {}

    /** Answers a re-sent request id; says nothing about the request's progress. */
    private static final String DUPLICATE = "DUPLICATE";

    private static final String RUNS_SQL =
            "SELECT run_id, max(t) AS latest FROM ("
                    + " SELECT run_id, at AS t FROM video_status WHERE request_id = ?"
                    + " UNION ALL"
                    + " SELECT run_id, completed_at AS t FROM video_results WHERE request_id = ?"
                    + ") AS known GROUP BY run_id ORDER BY latest DESC, run_id";

    private static final String TIMELINE_SQL =
            "SELECT phase, progress, at, message, scene_count FROM video_status"
                    + " WHERE request_id = ? AND run_id = ? ORDER BY at, progress, phase";

    private static final String RESULT_SQL =
            "SELECT status, video_uri, duration_seconds, quality_score, error, completed_at"
                    + " FROM video_results WHERE request_id = ? AND run_id = ?";

    public RequestStatus {
        timeline = List.copyOf(timeline);
        otherRuns = List.copyOf(otherRuns);
    }

    /**
     * Reads the request in {@code runId}, or, when that is null, in the run that last reported on
     * it; empty when PostgreSQL knows nothing of it.
     */
    public static Optional<RequestStatus> load(Connection sql, String requestId, String runId)
            throws SQLException {
        List<String> runs = runsOf(sql, requestId);
        String run = runId != null ? runId : runs.isEmpty() ? null : runs.get(0);
        if (run == null || !runs.contains(run)) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>(runs);
        others.remove(run);
        return Optional.of(
                new RequestStatus(
                        requestId,
                        run,
                        timelineOf(sql, requestId, run),
                        resultOf(sql, requestId, run),
                        others));
    }

    /**
     * The request's phase: its latest status row, leaving out DUPLICATE rows (answers to re-sent
     * ids, which say nothing about progress); empty before any row.
     */
    public Optional<PhaseRow> phase() {
        return timeline.stream()
                .filter(row -> !DUPLICATE.equals(row.phase()))
                .max(Comparator.comparing(PhaseRow::at).thenComparing(PhaseRow::progress));
    }

    /** What {@code reelflow status} prints. */
    public String format() {
        StringBuilder text = new StringBuilder();
        line(text, "request", requestId + " (run " + runId + ")");
        phase().ifPresentOrElse(
                        row ->
                                line(
                                        text,
                                        "phase",
                                        row.phase() + " (" + row.progress() + "%) at " + row.at()),
                        () -> line(text, "phase", "unknown (no status rows yet)"));
        scenes().ifPresent(scenes -> line(text, "scenes", scenes));
        if (!timeline.isEmpty()) {
            text.append("timeline\n");
            for (PhaseRow row : timeline) {
                text.append(
                        String.format(
                                Locale.ROOT,
                                "  %-24s  %-17s %3d%%  %s%n",
                                row.at(),
                                row.phase(),
                                row.progress(),
                                row.message() == null ? "" : row.message()));
            }
        }
        if (result == null) {
            line(text, "result", "none yet");
        } else {
            line(text, "result", result.status() + " at " + result.completedAt());
            line(text, "  video", result.videoUri() == null ? "none" : result.videoUri());
            if (result.durationSeconds() != null) {
                line(
                        text,
                        "  duration",
                        String.format(Locale.ROOT, "%.1f s", result.durationSeconds()));
            }
            if (result.qualityScore() != null) {
                line(text, "  quality", String.format(Locale.ROOT, "%.0f", result.qualityScore()));
            }
            if (result.message() != null) {
                line(text, "  message", result.message());
            }
        }
        if (!otherRuns.isEmpty()) {
            line(text, "other runs", String.join(", ", otherRuns));
        }
        return text.toString();
    }

    /**
     * "3 planned, all with clips": what the status events tell of the scenes. They carry the count
     * when scenes are planned and when all clips are ready, not each clip as it comes.
     */
    private Optional<String> scenes() {
        Integer planned = sceneCountOf("SCENES_PLANNED");
        if (planned == null) {
            return Optional.empty();
        }
        Integer ready = sceneCountOf("CLIPS_READY");
        return Optional.of(
                planned
                        + " planned, "
                        + (ready != null
                                ? "all with clips"
                                : result == null ? "clips being made" : "not all with clips"));
    }

    private Integer sceneCountOf(String phase) {
        return timeline.stream()
                .filter(row -> row.phase().equals(phase) && row.sceneCount() != null)
                .map(PhaseRow::sceneCount)
                .findFirst()
                .orElse(null);
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "%-10s  %s%n", label, value));
    }

    private static List<String> runsOf(Connection sql, String requestId) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (PreparedStatement statement = sql.prepareStatement(RUNS_SQL)) {
            statement.setString(1, requestId);
            statement.setString(2, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    runs.add(rows.getString(1));
                }
            }
        }
        return runs;
    }

    private static List<PhaseRow> timelineOf(Connection sql, String requestId, String runId)
            throws SQLException {
        List<PhaseRow> timeline = new ArrayList<>();
        try (PreparedStatement statement = sql.prepareStatement(TIMELINE_SQL)) {
            statement.setString(1, requestId);
            statement.setString(2, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    timeline.add(
                            new PhaseRow(
                                    rows.getString(1),
                                    rows.getInt(2),
                                    instant(rows.getTimestamp(3)),
                                    rows.getString(4),
                                    (Integer) rows.getObject(5)));
                }
            }
        }
        return timeline;
    }

    private static Result resultOf(Connection sql, String requestId, String runId)
            throws SQLException {
        try (PreparedStatement statement = sql.prepareStatement(RESULT_SQL)) {
            statement.setString(1, requestId);
            statement.setString(2, runId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new Result(
                        rows.getString(1),
                        rows.getString(2),
                        (Double) rows.getObject(3),
                        (Double) rows.getObject(4),
                        rows.getString(5),
                        instant(rows.getTimestamp(6)));
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
