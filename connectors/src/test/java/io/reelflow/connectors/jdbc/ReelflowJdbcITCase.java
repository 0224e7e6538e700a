package io.reelflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.jdbc.internal.TableRules;
import io.reelflow.connectors.jdbc.internal.VideoResultStatementBuilder;
import io.reelflow.connectors.testing.TestRecords;
import io.reelflow.embedded.EmbeddedPostgresServer;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.SceneQuality;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.schemas.codec.RecordJson;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link ReelflowJdbc} and {@link JdbcSchema} on a MiniCluster and embedded PostgreSQL.
 */
class ReelflowJdbcITCase {
    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static EmbeddedPostgresServer postgres;
    private static JdbcSettings settings;

    @BeforeAll
    static void startDatabase() throws SQLException {
        AvroClassTrust.install();
        postgres = EmbeddedPostgresServer.start();
        settings =
                JdbcSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password())
                        .withBatching(2, 200, 1);
        JdbcSchema.apply(settings);
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @Test
    void shouldApplySchemaAgainWithoutChange() throws Exception {
        JdbcSchema.apply(settings);

        assertThat(
                        query(
                                "SELECT count(*) FROM information_schema.tables WHERE table_name IN"
                                        + " ('video_results', 'video_status')"))
                .containsExactly("2");
    }

    @Test
    void shouldAddTheNarrationColumnsToATableMadeBeforeThem() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "ALTER TABLE video_results DROP COLUMN target_duration_seconds CASCADE,"
                            + " DROP COLUMN notes");
        }

        JdbcSchema.apply(settings);
        upsert(TestRecords.completedResult("older-table-1", Instant.parse("2025-03-04T10:00:00Z")));
        upsert(TestRecords.failedResult("older-table-2", Instant.parse("2025-03-04T10:00:00Z")));

        assertThat(
                        query(
                                "SELECT request_id || '|' || coalesce(target_duration_seconds, -1)"
                                        + " || '|' || jsonb_array_length(notes) FROM video_results"
                                        + " WHERE request_id LIKE 'older-table-%' ORDER BY 1"))
                .containsExactly("older-table-1|10|1", "older-table-2|-1|0");
    }

    @Test
    void shouldKeepOneRowWithLatestValuesWhenResultIsWrittenTwice() throws Exception {
        Instant first = Instant.parse("2025-03-01T12:00:00Z");
        Instant second = first.plusSeconds(30);
        List<VideoResult> results = new ArrayList<>();
        // The newer result comes first: the row must still end with the newer values.
        results.add(TestRecords.completedResult("dup-1", second));
        results.add(TestRecords.failedResult("dup-1", first));
        for (int i = 0; i < 6; i++) {
            results.add(TestRecords.completedResult("other-" + i, first));
        }

        run(results, null);

        assertThat(query("SELECT count(*) FROM video_results WHERE request_id = 'dup-1'"))
                .containsExactly("1");
        assertThat(
                        query(
                                "SELECT status || '|' || video_uri || '|' || (credits->0->>'assetId')"
                                        + " || '|' || (quality_reasons->>0) || '|' || quality_passed"
                                        + " || '|' || contact_sheet_uri"
                                        + " || '|' || coalesce(web_vtt_uri, 'no vtt')"
                                        + " || '|' || target_duration_seconds"
                                        + " || '|' || (notes->>0)"
                                        + " FROM video_results WHERE request_id = 'dup-1'"))
                .containsExactly(
                        "COMPLETED|s3://reelflow/videos/run-1/dup-1.mp4|asset-1|duration within 5%|true"
                                + "|s3://reelflow/contact-sheets/run-1/dup-1.jpg|no vtt|10"
                                + "|narration: the video lasts 12.5 s instead of the 10.0 s"
                                + " asked");
        assertThat(completedAt("dup-1")).isEqualTo(second);
        assertThat(query("SELECT count(*) FROM video_results WHERE request_id LIKE 'other-%'"))
                .containsExactly("6");
    }

    @Test
    void shouldWriteTheQualityBreakdownAsJsonThatReadsBackAsTheReport() throws Exception {
        VideoResult result =
                TestRecords.completedResult("breakdown-1", Instant.parse("2025-03-03T10:00:00Z"));
        Map<String, Double> signals = new TreeMap<>();
        signals.put("integratedLoudnessLufs", -16.2);
        signals.put("unmeasured", Double.NaN);
        result.setQuality(
                QualityReport.newBuilder(result.getQuality())
                        .setPreset("standard")
                        .setSignals(signals)
                        .setScenes(
                                List.of(
                                        sceneQuality(0, true, List.of(), List.of()),
                                        sceneQuality(
                                                1,
                                                false,
                                                List.of("scene 1 is black\u0000"),
                                                List.of("BLACK"))))
                        .setRepairedScenes(List.of(1))
                        .build());
        TableRules.Verdict<VideoResult> guarded = TableRules.videoResult(result);
        assertThat(guarded.accepted()).isTrue();

        run(List.of(guarded.record()), null);

        assertThat(
                        query(
                                "SELECT (quality_breakdown->'scenes'->1->'defects'->>0)"
                                        + " || '|' || (quality_breakdown->'scenes'->1->'reasons'->>0)"
                                        + " || '|' || (quality_breakdown->'repairedScenes'->>0)"
                                        + " || '|' || (quality_breakdown->'signals'->>'integratedLoudnessLufs')"
                                        + " || '|' || coalesce(quality_breakdown->'signals'->>'unmeasured', 'left out')"
                                        + " || '|' || quality_score"
                                        + " FROM video_results WHERE request_id = 'breakdown-1'"))
                .containsExactly("BLACK|scene 1 is black|1|-16.2|left out|87.5");
        String json =
                query(
                                "SELECT quality_breakdown::text FROM video_results"
                                        + " WHERE request_id = 'breakdown-1'")
                        .get(0);
        assertThat(RecordJson.fromJson(json.getBytes(StandardCharsets.UTF_8), QualityReport.class))
                .isEqualTo(guarded.record().getQuality());
    }

    @Test
    void shouldAddTheBreakdownColumnToATableCreatedBeforeIt() throws Exception {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA legacy");
            // video_results as the first schema.sql created it.
            statement.execute(
                    "CREATE TABLE legacy.video_results (request_id TEXT NOT NULL, run_id TEXT NOT"
                            + " NULL, status TEXT NOT NULL, video_uri TEXT, thumbnail_uri TEXT,"
                            + " subtitles_uri TEXT, duration_seconds DOUBLE PRECISION, width"
                            + " INTEGER, height INTEGER, language TEXT, scene_count INTEGER,"
                            + " quality_score DOUBLE PRECISION, quality_passed BOOLEAN,"
                            + " quality_reasons JSONB, credits JSONB NOT NULL DEFAULT '[]'::jsonb,"
                            + " error TEXT, completed_at TIMESTAMPTZ NOT NULL,"
                            + " PRIMARY KEY (request_id, run_id))");
            statement.execute(
                    "INSERT INTO legacy.video_results (request_id, run_id, status, completed_at)"
                            + " VALUES ('old-1', 'run-0', 'COMPLETED', now())");
        }
        String url = settings.url() + (settings.url().contains("?") ? "&" : "?");
        JdbcSchema.apply(
                JdbcSettings.of(
                        url + "currentSchema=legacy", settings.user(), settings.password()));

        assertThat(
                        query(
                                "SELECT data_type FROM information_schema.columns WHERE"
                                        + " table_schema = 'legacy' AND table_name ="
                                        + " 'video_results' AND column_name ="
                                        + " 'quality_breakdown'"))
                .containsExactly("jsonb");
        assertThat(
                        query(
                                "SELECT coalesce(quality_breakdown::text, 'none') FROM"
                                        + " legacy.video_results WHERE request_id = 'old-1'"))
                .containsExactly("none");
    }

    @Test
    void shouldReplaceOlderRowWhenNewerResultArrivesInLaterJob() throws Exception {
        Instant first = Instant.parse("2025-03-02T08:00:00Z");
        run(List.of(TestRecords.failedResult("retry-1", first)), null);

        run(List.of(TestRecords.completedResult("retry-1", first.plusSeconds(5))), null);

        assertThat(
                        query(
                                "SELECT status || '|' || coalesce(error, '-') FROM video_results"
                                        + " WHERE request_id = 'retry-1'"))
                .containsExactly("COMPLETED|-");
    }

    @Test
    void shouldNeverTurnAFinishedRowIntoFailedOrRejectedWithinItsRun() throws Exception {
        Instant at = Instant.parse("2025-03-03T10:00:00Z");
        for (ResultStatus finished : List.of(ResultStatus.COMPLETED, ResultStatus.DEGRADED)) {
            String id = "finished-" + finished;
            VideoResult result = TestRecords.completedResult(id, at);
            result.setStatus(finished);
            assertThat(upsert(result)).isEqualTo(1);

            // A re-sent request with a bad field, and a late failure, come after the result.
            VideoResult rejected = TestRecords.failedResult(id, at.plusSeconds(60));
            rejected.setStatus(ResultStatus.REJECTED);
            rejected.setError("unsupported resolution '8k'");
            assertThat(upsert(rejected)).isZero();
            assertThat(upsert(TestRecords.failedResult(id, at.plusSeconds(120)))).isZero();
            // The same outcome delivered again after a restart still updates the row.
            assertThat(upsert(result)).isEqualTo(1);

            assertThat(
                            query(
                                    "SELECT status || '|' || coalesce(video_uri, 'no video') || '|'"
                                            + " || coalesce(error, '-') FROM video_results"
                                            + " WHERE request_id = '"
                                            + id
                                            + "'"))
                    .containsExactly(finished + "|s3://reelflow/videos/run-1/" + id + ".mp4|-");
        }
    }

    @Test
    void shouldKeepOneStatusRowPerPhase() throws Exception {
        Instant at = Instant.parse("2025-03-01T12:00:00Z");
        List<StatusEvent> events =
                List.of(
                        TestRecords.status("st-1", Phase.RECEIVED, 0, at),
                        TestRecords.status("st-1", Phase.LANGUAGE_DETECTED, 10, at.plusSeconds(1)),
                        TestRecords.status("st-1", Phase.SCENES_PLANNED, 20, at.plusSeconds(2)),
                        TestRecords.status("st-1", Phase.SCENES_PLANNED, 25, at.plusSeconds(3)),
                        TestRecords.status("st-1", Phase.COMPLETED, 100, at.plusSeconds(9)));
        events.get(4).setCredits(List.of(TestRecords.credit("asset-1")));

        run(null, events);

        Map<String, String> progressByPhase = new TreeMap<>();
        for (String row :
                query(
                        "SELECT phase || '=' || progress FROM video_status WHERE request_id = 'st-1'")) {
            String[] parts = row.split("=");
            progressByPhase.put(parts[0], parts[1]);
        }
        assertThat(progressByPhase)
                .containsOnly(
                        Map.entry("RECEIVED", "0"),
                        Map.entry("LANGUAGE_DETECTED", "10"),
                        Map.entry("SCENES_PLANNED", "25"),
                        Map.entry("COMPLETED", "100"));
        assertThat(
                        query(
                                "SELECT coalesce(language, '-') || '|' || coalesce(scene_count::text, '-')"
                                        + " FROM video_status WHERE request_id = 'st-1' AND phase = 'SCENES_PLANNED'"))
                .containsExactly("de|4");
        assertThat(
                        query(
                                "SELECT phase || '|' || jsonb_array_length(credits) || '|'"
                                        + " || coalesce(credits->0->>'licence', '-')"
                                        + " FROM video_status WHERE request_id = 'st-1'"
                                        + " AND phase IN ('SCENES_PLANNED', 'COMPLETED') ORDER BY phase"))
                .containsExactly("COMPLETED|1|CC-BY-4.0", "SCENES_PLANNED|0|-");
    }

    private static SceneQuality sceneQuality(
            int index, boolean passed, List<String> reasons, List<String> defects) {
        return SceneQuality.newBuilder()
                .setIndex(index)
                .setStartSeconds(2.5 * index)
                .setEndSeconds(2.5 * (index + 1))
                .setScore(passed ? 95 : 10)
                .setPassed(passed)
                .setReasons(reasons)
                .setDefects(defects)
                .setSignals(Map.of("meanLuma", passed ? 120.5 : 3.0))
                .build();
    }

    private static void run(List<VideoResult> results, List<StatusEvent> events) throws Exception {
        StreamExecutionEnvironment env = environment();
        if (results != null) {
            env.fromData(results, new AvroTypeInfo<>(VideoResult.class))
                    .rebalance()
                    .sinkTo(ReelflowJdbc.resultsSink(settings))
                    .name("video_results");
        }
        if (events != null) {
            env.fromData(events, new AvroTypeInfo<>(StatusEvent.class))
                    .rebalance()
                    .sinkTo(ReelflowJdbc.statusSink(settings))
                    .name("video_status");
        }
        env.execute("jdbc-sink-test");
    }

    /** Writes one result as the sink does, returning the rows the upsert changed. */
    private static int upsert(VideoResult result) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement =
                        connection.prepareStatement(VideoResultStatementBuilder.UPSERT_SQL)) {
            new VideoResultStatementBuilder().accept(statement, result);
            return statement.executeUpdate();
        }
    }

    private static Instant completedAt(String requestId) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT completed_at FROM video_results WHERE request_id = '"
                                        + requestId
                                        + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    /** Parallelism 2 and no restarts, so a failing job fails the test instead of looping. */
    private static StreamExecutionEnvironment environment() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        return env;
    }
}
