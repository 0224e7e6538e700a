package io.reelflow.connectors.jdbc;

import io.reelflow.schemas.RawRequest;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;
import org.apache.flink.connector.jdbc.split.JdbcParameterValuesProvider;

/**
 * The {@code requests_archive} rows received in {@code [since, until)} (either end may be open),
 * with one of the given ids when there are any, read back as the {@link RawRequest}s Kafka would
 * have given: its topic, partition and offset, the receive time as timestamp, the request id as key
 * and the value as received.
 */
public final class ArchiveQuery implements JdbcParameterValuesProvider {
    private static final long serialVersionUID = 1L;

    static final String COLUMNS =
            "SELECT request_id, received_at, source_topic, source_partition, source_offset,"
                    + " payload FROM requests_archive";

    private final String sql;
    private final Serializable[] parameters;

    public ArchiveQuery(Instant since, Instant until, Collection<String> ids) {
        List<String> conditions = new ArrayList<>();
        List<Serializable> values = new ArrayList<>();
        if (since != null) {
            conditions.add("received_at >= ?");
            values.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (until != null) {
            conditions.add("received_at < ?");
            values.add(OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        }
        if (ids != null) {
            conditions.add("request_id = ANY(?)");
            values.add(ids.toArray(new String[0]));
        }
        this.sql =
                COLUMNS
                        + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                        + " ORDER BY received_at, request_id";
        this.parameters = values.toArray(new Serializable[0]);
    }

    public String sql() {
        return sql;
    }

    /** One split: the whole selection (an archive replay is small next to rendering it). */
    @Override
    public Serializable[][] getParameterValues() {
        return parameters.length == 0 ? null : new Serializable[][] {parameters};
    }

    /** Runs the query on {@code connection} and reads every row (a dry run's count). */
    public List<RawRequest> read(Connection connection) throws SQLException {
        Extractor extractor = new Extractor();
        List<RawRequest> requests = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    requests.add(extractor.extract(rows));
                }
            }
        }
        return requests;
    }

    /** Reads one row of {@link #sql()}. */
    public static final class Extractor implements ResultExtractor<RawRequest> {
        private static final long serialVersionUID = 1L;

        @Override
        public RawRequest extract(ResultSet row) throws SQLException {
            String requestId = row.getString(1);
            return RawRequest.newBuilder()
                    .setTopic(row.getString(3))
                    .setPartition(row.getInt(4))
                    .setOffset(row.getLong(5))
                    .setTimestamp(row.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli())
                    .setKey(requestId)
                    .setPayload(ByteBuffer.wrap(row.getBytes(6)))
                    .build();
        }
    }
}
