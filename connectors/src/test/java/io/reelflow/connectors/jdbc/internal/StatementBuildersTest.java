package io.reelflow.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelflow.connectors.testing.RecordingStatement;
import io.reelflow.connectors.testing.RecordingStatement.SqlNull;
import io.reelflow.connectors.testing.TestRecords;
import io.reelflow.schemas.Phase;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Tests for {@link VideoResultStatementBuilder} and {@link StatusEventStatementBuilder}. */
class StatementBuildersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldBindEveryResultColumnInOrder() throws Exception {
        RecordingStatement recording = new RecordingStatement();

        new VideoResultStatementBuilder()
                .accept(
                        recording.statement(),
                        TestRecords.completedResult("req-1", TestRecords.COMPLETED_AT));

        assertThat(recording.parameters())
                .hasSize(placeholders(VideoResultStatementBuilder.UPSERT_SQL));
        assertThat(recording.parameter(1)).isEqualTo("req-1");
        assertThat(recording.parameter(2)).isEqualTo(TestRecords.RUN_ID);
        assertThat(recording.parameter(3)).isEqualTo("COMPLETED");
        assertThat(recording.parameter(4)).isEqualTo("s3://reelflow/videos/run-1/req-1.mp4");
        assertThat(recording.parameter(6)).isEqualTo(new SqlNull(Types.VARCHAR));
        assertThat(recording.parameter(7)).isEqualTo(12.5);
        assertThat(recording.parameter(8)).isEqualTo(1280);
        assertThat(recording.parameter(9)).isEqualTo(720);
        assertThat(recording.parameter(10)).isEqualTo("de");
        assertThat(recording.parameter(11)).isEqualTo(3);
        assertThat(recording.parameter(12)).isEqualTo(87.5);
        assertThat(recording.parameter(13)).isEqualTo(true);
        assertThat(JSON.readTree((String) recording.parameter(14)).get(0).asText())
                .isEqualTo("duration within 5%");
        JsonNode credits = JSON.readTree((String) recording.parameter(15));
        assertThat(credits).hasSize(1);
        assertThat(credits.get(0).get("assetId").asText()).isEqualTo("asset-1");
        assertThat(credits.get(0).get("sourceUrl").isNull()).isTrue();
        assertThat(recording.parameter(16)).isEqualTo(new SqlNull(Types.VARCHAR));
        assertThat(recording.parameter(17))
                .isEqualTo(OffsetDateTime.ofInstant(TestRecords.COMPLETED_AT, ZoneOffset.UTC));
        assertThat(recording.parameter(20)).isEqualTo(10.0);
        assertThat(JSON.readTree((String) recording.parameter(21)).get(0).asText())
                .startsWith("narration: the video lasts 12.5 s");
        JsonNode breakdown = JSON.readTree((String) recording.parameter(22));
        assertThat(breakdown.get("score").asDouble()).isEqualTo(87.5);
        assertThat(breakdown.get("scenes").isArray()).isTrue();
        assertThat(breakdown.get("repairedScenes").isArray()).isTrue();
    }

    @Test
    void shouldBindNullsForFailedResultWithoutMediaOrQuality() throws Exception {
        RecordingStatement recording = new RecordingStatement();

        new VideoResultStatementBuilder()
                .accept(
                        recording.statement(),
                        TestRecords.failedResult("req-2", TestRecords.COMPLETED_AT));

        assertThat(recording.parameter(3)).isEqualTo("FAILED");
        assertThat(recording.parameter(7)).isEqualTo(new SqlNull(Types.DOUBLE));
        assertThat(recording.parameter(8)).isEqualTo(new SqlNull(Types.INTEGER));
        assertThat(recording.parameter(12)).isEqualTo(new SqlNull(Types.DOUBLE));
        assertThat(recording.parameter(13)).isEqualTo(new SqlNull(Types.BOOLEAN));
        assertThat(recording.parameter(14)).isEqualTo(new SqlNull(Types.VARCHAR));
        assertThat(recording.parameter(15)).isEqualTo("[]");
        assertThat(recording.parameter(16)).isEqualTo("renderer crashed");
        assertThat(recording.parameter(20)).isEqualTo(new SqlNull(Types.DOUBLE));
        assertThat(recording.parameter(21)).isEqualTo("[]");
        assertThat(recording.parameter(22)).isEqualTo(new SqlNull(Types.VARCHAR));
    }

    @Test
    void shouldBindStatusEventKeyedByPhase() throws Exception {
        RecordingStatement recording = new RecordingStatement();

        new StatusEventStatementBuilder()
                .accept(
                        recording.statement(),
                        TestRecords.status(
                                "req-3", Phase.SCENES_PLANNED, 40, TestRecords.COMPLETED_AT));

        assertThat(recording.parameters())
                .hasSize(placeholders(StatusEventStatementBuilder.UPSERT_SQL));
        assertThat(recording.parameter(1)).isEqualTo("req-3");
        assertThat(recording.parameter(3)).isEqualTo("SCENES_PLANNED");
        assertThat(recording.parameter(4)).isEqualTo(40);
        assertThat(recording.parameter(5)).isEqualTo("SCENES_PLANNED at 40%");
        assertThat(recording.parameter(6)).isEqualTo("de");
        assertThat(recording.parameter(7)).isEqualTo(0.93);
        assertThat(recording.parameter(8)).isEqualTo(4);
    }

    @Test
    void shouldBindNullLanguageForReceivedStatus() throws Exception {
        RecordingStatement recording = new RecordingStatement();

        new StatusEventStatementBuilder()
                .accept(
                        recording.statement(),
                        TestRecords.status("req-4", Phase.RECEIVED, 0, TestRecords.COMPLETED_AT));

        assertThat(recording.parameter(6)).isEqualTo(new SqlNull(Types.VARCHAR));
        assertThat(recording.parameter(7)).isEqualTo(new SqlNull(Types.DOUBLE));
        assertThat(recording.parameter(8)).isEqualTo(new SqlNull(Types.INTEGER));
    }

    @Test
    void shouldNeverReplaceNewerRowsWithOlderOnes() {
        assertThat(VideoResultStatementBuilder.UPSERT_SQL)
                .contains("ON CONFLICT (request_id, run_id) DO UPDATE")
                .contains("WHERE video_results.completed_at <= EXCLUDED.completed_at")
                .endsWith(
                        "AND NOT (video_results.status IN ('COMPLETED', 'DEGRADED')"
                                + " AND EXCLUDED.status IN ('FAILED', 'REJECTED', 'CANCELLED'))");
        assertThat(StatusEventStatementBuilder.UPSERT_SQL)
                .contains("ON CONFLICT (request_id, run_id, phase) DO UPDATE")
                .endsWith("WHERE video_status.at <= EXCLUDED.at");
    }

    private static int placeholders(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }
}
