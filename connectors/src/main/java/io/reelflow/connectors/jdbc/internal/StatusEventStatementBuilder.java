package io.reelflow.connectors.jdbc.internal;

import io.reelflow.schemas.StatusEvent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Binds a {@link StatusEvent} to {@link #UPSERT_SQL}: one row per request, run and phase, keeping
 * the latest event of each phase.
 */
public final class StatusEventStatementBuilder implements JdbcStatementBuilder<StatusEvent> {
    private static final long serialVersionUID = 1L;

    public static final String UPSERT_SQL =
            "INSERT INTO video_status (request_id, run_id, phase, progress, message, language,"
                    + " language_confidence, scene_count, at, credits)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))"
                    + " ON CONFLICT (request_id, run_id, phase) DO UPDATE SET"
                    + " progress = EXCLUDED.progress,"
                    + " message = EXCLUDED.message,"
                    + " language = EXCLUDED.language,"
                    + " language_confidence = EXCLUDED.language_confidence,"
                    + " scene_count = EXCLUDED.scene_count,"
                    + " at = EXCLUDED.at,"
                    + " credits = EXCLUDED.credits"
                    + " WHERE video_status.at <= EXCLUDED.at";

    @Override
    public void accept(PreparedStatement statement, StatusEvent event) throws SQLException {
        Parameters.text(statement, 1, event.getRequestId());
        Parameters.text(statement, 2, event.getRunId());
        Parameters.text(statement, 3, event.getPhase().name());
        Parameters.integer(statement, 4, event.getProgress());
        Parameters.text(statement, 5, event.getMessage());
        Parameters.text(statement, 6, event.getLanguage());
        Parameters.decimal(statement, 7, event.getLanguageConfidence());
        Parameters.integer(statement, 8, event.getSceneCount());
        Parameters.timestamp(statement, 9, event.getAt());
        Parameters.text(statement, 10, VideoResultStatementBuilder.creditsJson(event.getCredits()));
    }
}
