package io.reelflow.connectors.jdbc;

import io.reelflow.connectors.jdbc.internal.ArchivedRequestStatementBuilder;
import io.reelflow.connectors.jdbc.internal.CloseQuietlyJdbcSink;
import io.reelflow.connectors.jdbc.internal.StatusEventStatementBuilder;
import io.reelflow.connectors.jdbc.internal.VideoResultStatementBuilder;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSourceBuilder;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

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

    /**
     * Upserts accepted requests into {@code requests_archive}, keyed by request id, with their
     * record value as received (see {@link ArchivedRequestStatementBuilder} for which record wins).
     */
    public static Sink<Admission> requestsArchiveSink(JdbcSettings settings) {
        return new CloseQuietlyJdbcSink<>(
                JdbcSink.<Admission>builder()
                        .withQueryStatement(
                                ArchivedRequestStatementBuilder.UPSERT_SQL,
                                new ArchivedRequestStatementBuilder())
                        .withExecutionOptions(executionOptions(settings))
                        .buildAtLeastOnce(connectionOptions(settings)));
    }

    /**
     * Reads the archived requests received in {@code [since, until)} (null: open), with one of
     * {@code ids} (null: any), as the raw records the job's Kafka source would give: a bounded
     * source for replays beyond Kafka's retention.
     */
    public static JdbcSource<RawRequest> archivedRequests(
            JdbcSettings settings, Instant since, Instant until, Collection<String> ids) {
        ArchiveQuery query = new ArchiveQuery(since, until, ids);
        JdbcSourceBuilder<RawRequest> builder =
                JdbcSource.<RawRequest>builder()
                        .setSql(query.sql())
                        .setJdbcParameterValuesProvider(query)
                        .setResultExtractor(new ArchiveQuery.Extractor())
                        .setTypeInformation(new AvroTypeInfo<>(RawRequest.class))
                        .setDBUrl(settings.url())
                        .setDriverName(DRIVER);
        if (settings.user() != null) {
            builder.setUsername(settings.user());
        }
        if (settings.password() != null) {
            builder.setPassword(settings.password());
        }
        return builder.build();
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
