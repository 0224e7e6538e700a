package io.reelflow.connectors.jdbc;

import io.reelflow.connectors.jdbc.internal.CloseQuietlyJdbcSink;
import io.reelflow.connectors.jdbc.internal.StatusEventStatementBuilder;
import io.reelflow.connectors.jdbc.internal.VideoResultStatementBuilder;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The job's PostgreSQL sinks (tables from {@link JdbcSchema}). Writes are idempotent upserts, so
 * at-least-once delivery gives exactly-once rows: a record written again after a restart updates
 * the row it wrote before.
 *
 * <pre>{@code
 * results.sinkTo(ReelflowJdbc.resultsSink(settings)).name("video_results").uid("jdbc-results");
 * }</pre>
 */
public final class ReelflowJdbc {
    /** Named explicitly: drivers in the job jar are invisible to {@code DriverManager} in Flink. */
    static final String DRIVER = "org.postgresql.Driver";

    private ReelflowJdbc() {}

    /** Upserts results into {@code video_results}, keyed by (request_id, run_id). */
    public static Sink<VideoResult> resultsSink(JdbcSettings settings) {
        return new CloseQuietlyJdbcSink<>(
                JdbcSink.<VideoResult>builder()
                        .withQueryStatement(
                                VideoResultStatementBuilder.UPSERT_SQL,
                                new VideoResultStatementBuilder())
                        .withExecutionOptions(executionOptions(settings))
                        .buildAtLeastOnce(connectionOptions(settings)));
    }

    /** Upserts status events into {@code video_status}, keyed by (request_id, run_id, phase). */
    public static Sink<StatusEvent> statusSink(JdbcSettings settings) {
        return new CloseQuietlyJdbcSink<>(
                JdbcSink.<StatusEvent>builder()
                        .withQueryStatement(
                                StatusEventStatementBuilder.UPSERT_SQL,
                                new StatusEventStatementBuilder())
                        .withExecutionOptions(executionOptions(settings))
                        .buildAtLeastOnce(connectionOptions(settings)));
    }

    static JdbcExecutionOptions executionOptions(JdbcSettings settings) {
        return JdbcExecutionOptions.builder()
                .withBatchSize(settings.batchSize())
                .withBatchIntervalMs(settings.batchIntervalMs())
                .withMaxRetries(settings.maxRetries())
                .build();
    }

    static JdbcConnectionOptions connectionOptions(JdbcSettings settings) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder builder =
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(settings.url())
                        .withDriverName(DRIVER);
        if (settings.user() != null) {
            builder.withUsername(settings.user());
        }
        if (settings.password() != null) {
            builder.withPassword(settings.password());
        }
        return builder.build();
    }
}
