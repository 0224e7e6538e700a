package io.reelflow.connectors.jdbc.internal;

import io.reelflow.schemas.Admission;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Binds an accepted {@link Admission} to {@link #UPSERT_SQL}, one {@code requests_archive} row per
 * request id. The same record written again (a restart) changes nothing; a later record of the id
 * with other content, accepted once deduplication has forgotten the first, replaces it.
 */
public final class ArchivedRequestStatementBuilder implements JdbcStatementBuilder<Admission> {
    private static final long serialVersionUID = 1L;

    public static final String UPSERT_SQL =
            "INSERT INTO requests_archive (request_id, run_id, received_at, source_topic,"
                    + " source_partition, source_offset, payload_sha256, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (request_id) DO UPDATE SET"
                    + " run_id = EXCLUDED.run_id,"
                    + " received_at = EXCLUDED.received_at,"
                    + " source_topic = EXCLUDED.source_topic,"
                    + " source_partition = EXCLUDED.source_partition,"
                    + " source_offset = EXCLUDED.source_offset,"
                    + " payload_sha256 = EXCLUDED.payload_sha256,"
                    + " payload = EXCLUDED.payload"
                    + " WHERE requests_archive.payload_sha256 <> EXCLUDED.payload_sha256"
                    + " AND requests_archive.received_at < EXCLUDED.received_at";

    @Override
    public void accept(PreparedStatement statement, Admission admission) throws SQLException {
        Parameters.text(statement, 1, admission.getRequestId());
        Parameters.text(statement, 2, admission.getAccepted().getRunId());
        Parameters.timestamp(statement, 3, admission.getReceivedAt());
        Parameters.text(statement, 4, admission.getSourceTopic());
        statement.setInt(5, admission.getSourcePartition());
        statement.setLong(6, admission.getSourceOffset());
        Parameters.text(statement, 7, admission.getPayloadSha256());
        statement.setBytes(8, bytesOf(admission.getPayload()));
    }

    private static byte[] bytesOf(ByteBuffer payload) {
        if (payload == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        return bytes;
    }
}
