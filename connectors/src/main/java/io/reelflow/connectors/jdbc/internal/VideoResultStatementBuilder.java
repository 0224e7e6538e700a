package io.reelflow.connectors.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Binds a {@link VideoResult} to {@link #UPSERT_SQL}. The upsert keeps the row with the latest
 * {@code completed_at}, so a replayed or restarted write never replaces a newer result with an
 * older one; and a finished row (COMPLETED, DEGRADED) is never turned into FAILED, REJECTED or
 * CANCELLED within its run, whatever a re-sent request produces. Writing the same outcome again (a
 * redelivery after a restart) updates the row to the same values.
 */
public final class VideoResultStatementBuilder implements JdbcStatementBuilder<VideoResult> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String UPSERT_SQL =
            "INSERT INTO video_results (request_id, run_id, status, video_uri, thumbnail_uri,"
                    + " subtitles_uri, duration_seconds, width, height, language, scene_count,"
                    + " quality_score, quality_passed, quality_reasons, credits, error, completed_at,"
                    + " web_vtt_uri, contact_sheet_uri, target_duration_seconds, notes,"
                    + " quality_breakdown)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),"
                    + " CAST(? AS jsonb), ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))"
                    + " ON CONFLICT (request_id, run_id) DO UPDATE SET"
                    + " status = EXCLUDED.status,"
                    + " video_uri = EXCLUDED.video_uri,"
                    + " thumbnail_uri = EXCLUDED.thumbnail_uri,"
                    + " subtitles_uri = EXCLUDED.subtitles_uri,"
                    + " duration_seconds = EXCLUDED.duration_seconds,"
                    + " width = EXCLUDED.width,"
                    + " height = EXCLUDED.height,"
                    + " language = EXCLUDED.language,"
                    + " scene_count = EXCLUDED.scene_count,"
                    + " quality_score = EXCLUDED.quality_score,"
                    + " quality_passed = EXCLUDED.quality_passed,"
                    + " quality_reasons = EXCLUDED.quality_reasons,"
                    + " credits = EXCLUDED.credits,"
                    + " error = EXCLUDED.error,"
                    + " completed_at = EXCLUDED.completed_at,"
                    + " web_vtt_uri = EXCLUDED.web_vtt_uri,"
                    + " contact_sheet_uri = EXCLUDED.contact_sheet_uri,"
                    + " target_duration_seconds = EXCLUDED.target_duration_seconds,"
                    + " notes = EXCLUDED.notes,"
                    + " quality_breakdown = EXCLUDED.quality_breakdown"
                    + " WHERE video_results.completed_at <= EXCLUDED.completed_at"
                    + " AND NOT (video_results.status IN ('COMPLETED', 'DEGRADED')"
                    + " AND EXCLUDED.status IN ('FAILED', 'REJECTED', 'CANCELLED'))";

    @Override
    public void accept(PreparedStatement statement, VideoResult result) throws SQLException {
        QualityReport quality = result.getQuality();
        Parameters.text(statement, 1, result.getRequestId());
        Parameters.text(statement, 2, result.getRunId());
        Parameters.text(statement, 3, result.getStatus().name());
        Parameters.text(statement, 4, result.getVideoUri());
        Parameters.text(statement, 5, result.getThumbnailUri());
        Parameters.text(statement, 6, result.getSubtitlesUri());
        Parameters.decimal(statement, 7, result.getDurationSeconds());
        Parameters.integer(statement, 8, result.getWidth());
        Parameters.integer(statement, 9, result.getHeight());
        Parameters.text(statement, 10, result.getLanguage());
        Parameters.integer(statement, 11, result.getSceneCount());
        Parameters.decimal(statement, 12, quality == null ? null : quality.getScore());
        Parameters.bool(statement, 13, quality == null ? null : quality.getPassed());
        Parameters.text(
                statement,
                14,
                quality == null ? null : textsJson(quality.getReasons(), "quality reasons"));
        Parameters.text(statement, 15, creditsJson(result.getCredits()));
        Parameters.text(statement, 16, result.getError());
        Parameters.timestamp(statement, 17, result.getCompletedAt());
        Parameters.text(statement, 18, result.getWebVttUri());
        Parameters.text(statement, 19, result.getContactSheetUri());
        Parameters.decimal(statement, 20, result.getTargetDurationSeconds());
        Parameters.text(statement, 21, textsJson(result.getNotes(), "notes"));
        Parameters.text(statement, 22, quality == null ? null : breakdownJson(quality));
    }

    /**
     * The whole report as on {@code reelflow.results} (score, reasons, {@code signals}, the
     * per-scene {@code scenes} and {@code repairedScenes}): {@code RecordJson.fromJson} reads it
     * back as a {@link QualityReport}.
     */
    static String breakdownJson(QualityReport quality) {
        return RecordJson.toJsonString(quality);
    }

    /** Texts (quality reasons, notes) as a JSON array of strings. */
    static String textsJson(List<String> texts, String what) throws SQLException {
        try {
            return JSON.writeValueAsString(texts == null ? List.of() : texts);
        } catch (JsonProcessingException e) {
            throw new SQLException("Could not write " + what + " as JSON", e);
        }
    }

    /** The credits as a JSON array, each credit as on the Kafka topic. */
    static String creditsJson(List<Credit> credits) {
        StringBuilder json = new StringBuilder("[");
        if (credits != null) {
            for (Credit credit : credits) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(new String(RecordJson.toJson(credit), StandardCharsets.UTF_8));
            }
        }
        return json.append(']').toString();
    }
}
