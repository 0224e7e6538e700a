package io.reelflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.reelflow.connectors.jdbc.internal.StatusEventStatementBuilder;
import io.reelflow.connectors.jdbc.internal.TableRules;
import io.reelflow.connectors.jdbc.internal.VideoResultStatementBuilder;
import io.reelflow.connectors.testing.TestRecords;
import io.reelflow.embedded.EmbeddedPostgresServer;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests for {@link SinkGuard} and {@link TableRules} against embedded PostgreSQL: each hostile
 * value is first written without the guard, to show that PostgreSQL refuses it as data (SQLState
 * class 22 or 23, which would fail the JDBC sink and the job), then through the guard, which writes
 * a cleaned row or dead-letters the record.
 */
class SinkGuardITCase {
    private static final int PARALLELISM = 2;
    private static final String ZERO = "\u0000";
    private static final Instant AT = TestRecords.COMPLETED_AT;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static EmbeddedPostgresServer postgres;
    private static JdbcSettings settings;

    /**
     * One hostile record, the SQLState PostgreSQL answers it with, and whether it can be cleaned.
     */
    record Hostile(String name, SpecificRecord record, String sqlState, boolean repairable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileRecords() {
        return Stream.of(
                repairable(
                        "zero byte in error",
                        "22021",
                        result("h-error-zero", r -> r.setError("resolution '" + ZERO + "'"))),
                repairable(
                        "zero byte in a credit title (jsonb)",
                        "22P05",
                        result("h-credit-zero", r -> r.getCredits().get(0).setTitle("a" + ZERO))),
                repairable(
                        "zero byte in a quality reason (jsonb)",
                        "22P05",
                        result(
                                "h-reason-zero",
                                r -> r.getQuality().setReasons(List.of("bad" + ZERO + "text")))),
                repairable(
                        "error longer than its column",
                        "23514",
                        result("h-error-long", r -> r.setError("x".repeat(5_000)))),
                repairable(
                        "video uri longer than its column",
                        "23514",
                        result("h-uri-long", r -> r.setVideoUri("s3://b/" + "k".repeat(3_000)))),
                repairable(
                        "language longer than its column",
                        "23514",
                        result("h-language-long", r -> r.setLanguage("de-" + "x".repeat(100)))),
                repairable(
                        "zero byte in a status message",
                        "22021",
                        status("h-message-zero", e -> e.setMessage("bad " + ZERO))),
                repairable(
                        "zero byte in a status credit author (jsonb)",
                        "22P05",
                        status(
                                "h-status-credit-zero",
                                e ->
                                        e.setCredits(
                                                List.of(
                                                        withAuthor(
                                                                TestRecords.credit("a-1"),
                                                                ZERO))))),
                refused(
                        "request id longer than 128 characters",
                        "23514",
                        result("h-" + "i".repeat(200), r -> {})),
                refused("empty run id", "23514", result("h-run-empty", r -> r.setRunId(""))),
                refused(
                        "zero byte in the request id",
                        "22021",
                        result("h-id-zero" + ZERO, r -> {})),
                refused(
                        "completed_at beyond PostgreSQL's range",
                        "22008",
                        result(
                                "h-time-max",
                                r -> r.setCompletedAt(Instant.ofEpochMilli(Long.MAX_VALUE)))),
                refused(
                        "completed_at after the year 9999",
                        "23514",
                        result(
                                "h-time-12000",
                                r -> r.setCompletedAt(Instant.parse("+12000-01-01T00:00:00Z")))),
                refused(
                        "request id missing",
                        "23502",
                        result("h-id-null", r -> r.setRequestId(null))),
                refused(
                        "NaN quality score",
                        "23514",
                        result("h-score-nan", r -> r.getQuality().setScore(Double.NaN))),
                refused(
                        "negative duration",
                        "23514",
                        result("h-duration", r -> r.setDurationSeconds(-1.0))),
                refused("width out of range", "23514", result("h-width", r -> r.setWidth(100_000))),
                refused(
                        "progress above 100",
                        "23514",
                        status("h-progress", e -> e.setProgress(150))),
                refused(
                        "language confidence above 1",
                        "23514",
                        status("h-confidence", e -> e.setLanguageConfidence(2.0))),
                // The driver sends a time before PostgreSQL's range as -infinity, which only the
                // table's CHECK refuses.
                refused(
                        "status time before the year 1",
                        "23514",
                        status("h-at-min", e -> e.setAt(Instant.parse("-5000-01-01T00:00:00Z")))));
    }

    @BeforeAll
    static void startDatabase() throws SQLException {
        AvroClassTrust.install();
        postgres = EmbeddedPostgresServer.start();
        settings =
                JdbcSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password())
                        .withBatching(2, 200, 0);
        JdbcSchema.apply(settings);
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRecords")
    void shouldWriteACleanedRowOrDeadLetterWhatPostgresRefusesAsData(Hostile hostile)
            throws Exception {
        assertThatThrownBy(() -> upsert(hostile.record()))
                .isInstanceOf(SQLException.class)
                .satisfies(
                        e ->
                                assertThat(((SQLException) e).getSQLState())
                                        .as("SQLState of %s", e.getMessage())
                                        .isEqualTo(hostile.sqlState()));

        TableRules.Verdict<? extends SpecificRecord> verdict = check(hostile.record());

        if (hostile.repairable()) {
            assertThat(verdict.reason()).isNull();
            assertThat(upsert(verdict.record())).isEqualTo(1);
        } else {
            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.reason()).contains("would refuse this row");
            DeadLetter letter =
                    TableRules.deadLetter(
                            TableRules.VIDEO_RESULTS, "h", hostile.record(), verdict.reason(), AT);
            assertThat(letter.getPayload().remaining()).isPositive();
        }
    }

    @Test
    void shouldKeepTheJobRunningAndDeadLetterWhatTheTableRefuses() throws Exception {
        VideoResult good = TestRecords.completedResult("job-good", AT);
        VideoResult zeroByte = TestRecords.failedResult("job-zero", AT);
        zeroByte.setError("unsupported resolution '" + ZERO + "'");
        VideoResult farFuture = TestRecords.completedResult("job-future", AT);
        farFuture.setCompletedAt(Instant.ofEpochMilli(Long.MAX_VALUE));
        StatusEvent badProgress = TestRecords.status("job-progress", Phase.RECEIVED, 0, AT);
        badProgress.setProgress(-5);
        StatusEvent zeroMessage = TestRecords.status("job-message", Phase.RECEIVED, 0, AT);
        zeroMessage.setMessage(ZERO + "hello");

        StreamExecutionEnvironment env = environment();
        SingleOutputStreamOperator<VideoResult> results =
                env.fromData(
                                List.of(good, zeroByte, farFuture),
                                new AvroTypeInfo<>(VideoResult.class))
                        .rebalance()
                        .process(SinkGuard.videoResults())
                        .name("guard results");
        results.sinkTo(ReelflowJdbc.resultsSink(settings)).name("video_results");
        SingleOutputStreamOperator<StatusEvent> status =
                env.fromData(
                                List.of(badProgress, zeroMessage),
                                new AvroTypeInfo<>(StatusEvent.class))
                        .rebalance()
                        .process(SinkGuard.videoStatus())
                        .name("guard status");
        status.sinkTo(ReelflowJdbc.statusSink(settings)).name("video_status");
        List<DeadLetter> deadLetters = new ArrayList<>();
        try (CloseableIterator<DeadLetter> letters =
                results.getSideOutput(SinkGuard.DEAD_LETTERS)
                        .union(status.getSideOutput(SinkGuard.DEAD_LETTERS))
                        .executeAndCollect("sink-guard-test")) {
            letters.forEachRemaining(deadLetters::add);
        }

        assertThat(deadLetters)
                .extracting(DeadLetter::getRequestId, DeadLetter::getStage)
                .containsExactlyInAnyOrder(
                        tuple("job-future", "sink:video_results"),
                        tuple("job-progress", "sink:video_status"));
        assertThat(deadLetters)
                .allSatisfy(
                        letter -> {
                            assertThat(letter.getSourcePartition()).isEqualTo(-1);
                            assertThat(letter.getSourceOffset()).isEqualTo(-1L);
                        });
        assertThat(
                        query(
                                "SELECT request_id || '|' || status || '|' || coalesce(error, '-')"
                                        + " FROM video_results WHERE request_id LIKE 'job-%'"
                                        + " ORDER BY request_id"))
                .containsExactly(
                        "job-good|COMPLETED|-", "job-zero|FAILED|unsupported resolution ''");
        assertThat(query("SELECT message FROM video_status WHERE request_id LIKE 'job-%'"))
                .containsExactly("hello");
    }

    private static Hostile repairable(String name, String sqlState, SpecificRecord record) {
        return new Hostile(name, record, sqlState, true);
    }

    private static Hostile refused(String name, String sqlState, SpecificRecord record) {
        return new Hostile(name, record, sqlState, false);
    }

    private static VideoResult result(String requestId, Consumer<VideoResult> change) {
        VideoResult result = TestRecords.completedResult(requestId, AT);
        change.accept(result);
        return result;
    }

    private static StatusEvent status(String requestId, Consumer<StatusEvent> change) {
        StatusEvent event = TestRecords.status(requestId, Phase.LANGUAGE_DETECTED, 10, AT);
        change.accept(event);
        return event;
    }

    private static Credit withAuthor(Credit credit, String author) {
        credit.setAuthor(author);
        return credit;
    }

    private static TableRules.Verdict<? extends SpecificRecord> check(SpecificRecord record) {
        return record instanceof VideoResult result
                ? TableRules.videoResult(result)
                : TableRules.videoStatus((StatusEvent) record);
    }

    /** Writes one record as the sink would, without the guard. */
    private static int upsert(SpecificRecord record) throws SQLException {
        try (Connection connection = connect()) {
            if (record instanceof VideoResult result) {
                try (PreparedStatement statement =
                        connection.prepareStatement(VideoResultStatementBuilder.UPSERT_SQL)) {
                    new VideoResultStatementBuilder().accept(statement, result);
                    return statement.executeUpdate();
                }
            }
            try (PreparedStatement statement =
                    connection.prepareStatement(StatusEventStatementBuilder.UPSERT_SQL)) {
                new StatusEventStatementBuilder().accept(statement, (StatusEvent) record);
                return statement.executeUpdate();
            }
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    /** No restarts: a record that reaches the JDBC sink and is refused fails the test. */
    private static StreamExecutionEnvironment environment() {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        return env;
    }
}
