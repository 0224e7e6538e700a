package io.reelflow.connectors.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.testing.TestRecords;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.Phase;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Tests for {@link TableRules}. */
class TableRulesTest {
    private static final Instant AT = TestRecords.COMPLETED_AT;

    @Test
    void shouldCleanEveryTextOfAResultAndLeaveTheInputUnchanged() {
        VideoResult result = TestRecords.completedResult("req-1", AT);
        result.setError("bad \u0000value");
        result.setVideoUri("s3://b/" + "k".repeat(5_000));
        result.getCredits().get(0).setTitle("title\u0000");
        result.getQuality().setReasons(Collections.nCopies(80, "r\u0001".repeat(800)));
        result.setNotes(Collections.nCopies(60, "note\u0000"));

        TableRules.Verdict<VideoResult> verdict = TableRules.videoResult(result);

        assertThat(verdict.accepted()).isTrue();
        VideoResult clean = verdict.record();
        assertThat(clean.getError()).isEqualTo("bad value");
        assertThat(clean.getVideoUri()).hasSize(TableRules.MAX_URI_CHARS);
        assertThat(clean.getCredits().get(0).getTitle()).isEqualTo("title");
        assertThat(clean.getQuality().getReasons())
                .hasSize(TableRules.MAX_REASONS)
                .allSatisfy(reason -> assertThat(reason).doesNotContain("\u0001"))
                .last()
                .isEqualTo("… and 31 more reasons");
        assertThat(clean.getNotes())
                .hasSize(TableRules.MAX_REASONS)
                .startsWith("note")
                .last()
                .isEqualTo("… and 11 more notes");
        assertThat(clean.getRequestId()).isEqualTo("req-1");
        assertThat(result.getError()).contains("\u0000");
        assertThat(result.getCredits().get(0).getTitle()).contains("\u0000");
    }

    @Test
    void shouldRefuseAKeyThatCleaningWouldChange() {
        VideoResult zero = TestRecords.completedResult("req\u0000", AT);
        VideoResult longId = TestRecords.completedResult("r".repeat(129), AT);
        StatusEvent emptyRun = TestRecords.status("req-2", Phase.RECEIVED, 0, AT);
        emptyRun.setRunId("");

        assertThat(TableRules.videoResult(zero).reason())
                .isEqualTo(
                        "video_results would refuse this row: request_id holds control"
                                + " characters or broken surrogates: 'req\\u0000'");
        assertThat(TableRules.videoResult(longId).reason())
                .contains("request_id has 129 characters, more than 128");
        assertThat(TableRules.videoStatus(emptyRun).reason())
                .isEqualTo("video_status would refuse this row: run_id is empty");
    }

    @Test
    void shouldRefuseNumbersAndTimesOutOfRangeNamingEachColumn() {
        VideoResult result = TestRecords.completedResult("req-3", AT);
        result.getQuality().setScore(Double.NaN);
        result.setHeight(-1);
        result.setTargetDurationSeconds(-3.0);
        result.setCompletedAt(Instant.parse("+10000-01-01T00:00:00Z"));
        StatusEvent event = TestRecords.status("req-3", Phase.SCENES_PLANNED, 101, AT);
        event.setRequestId(null);

        assertThat(TableRules.videoResult(result).reason())
                .contains("completed_at +10000-01-01T00:00:00Z is outside")
                .contains("height -1 is outside 0 .. 16384")
                .contains("target_duration_seconds -3.0 is outside 0 .. 86400")
                .contains("quality_score NaN is outside 0 .. 100");
        assertThat(TableRules.videoStatus(event).reason())
                .isEqualTo(
                        "video_status would refuse this row: request_id is missing;"
                                + " progress 101 is outside 0 .. 100");
    }

    @Test
    void shouldAcceptTheBoundsThemselves() {
        VideoResult result = TestRecords.completedResult("r".repeat(128), TableRules.LATEST);
        result.setDurationSeconds(0.0);
        result.getQuality().setScore(100);
        StatusEvent event = TestRecords.status("req-4", Phase.COMPLETED, 100, TableRules.EARLIEST);
        event.setLanguageConfidence(1.0);

        assertThat(TableRules.videoResult(result).accepted()).isTrue();
        assertThat(TableRules.videoStatus(event).accepted()).isTrue();
    }

    @Test
    void shouldDeadLetterWithTheSinkAsStageAndABoundedPayload() {
        VideoResult result = TestRecords.failedResult("req-5", AT);
        result.setError("e".repeat(100_000));

        DeadLetter letter =
                TableRules.deadLetter(
                        TableRules.VIDEO_RESULTS, "req-5", result, "video_results would …", AT);

        assertThat(letter.getStage()).isEqualTo("sink:video_results");
        assertThat(letter.getRequestId()).isEqualTo("req-5");
        assertThat(letter.getKey()).isEqualTo("req-5");
        assertThat(letter.getSourceTopic()).isEmpty();
        assertThat(letter.getSourcePartition()).isEqualTo(TableRules.NO_PARTITION);
        assertThat(letter.getSourceOffset()).isEqualTo(TableRules.NO_OFFSET);
        assertThat(letter.getPayload().remaining()).isEqualTo(TableRules.MAX_PAYLOAD_BYTES);
        assertThat(letter.getReason())
                .containsPattern("\\(payload cut to 65536 of 100\\d{3} bytes\\)$");
        assertThat(letter.getAt()).isEqualTo(AT);
    }
}
