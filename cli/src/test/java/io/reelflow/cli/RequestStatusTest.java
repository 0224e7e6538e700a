package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.cli.RequestStatus.PhaseRow;
import io.reelflow.cli.RequestStatus.Result;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link RequestStatus#format()} and {@link RequestStatus#phase()}. */
class RequestStatusTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void shouldPrintPhaseScenesTimelineAndResultOfACancelledRequest() {
        RequestStatus status =
                new RequestStatus(
                        "r1",
                        "live",
                        List.of(
                                row("RECEIVED", 5, 0, "accepted", null),
                                row("SCENES_PLANNED", 25, 2, "3 scenes", 3),
                                row("CANCELLED", 100, 9, "CANCELLED: cancelled by alice", null)),
                        new Result(
                                "CANCELLED",
                                null,
                                null,
                                null,
                                "cancelled by alice at 2026-12-06T01:00:05Z: wrong text",
                                T0.plusSeconds(9)),
                        List.of("replay-1"));

        assertThat(status.format())
                .contains("request     r1 (run live)")
                .contains("phase       CANCELLED (100%) at 2026-12-06T01:00:09Z")
                .contains("scenes      3 planned, not all with clips")
                .containsSubsequence("RECEIVED", "SCENES_PLANNED", "CANCELLED")
                .contains("result      CANCELLED at 2026-12-06T01:00:09Z")
                .contains("  video     none")
                .contains("  message   cancelled by alice at 2026-12-06T01:00:05Z: wrong text")
                .contains("other runs  replay-1");
    }

    @Test
    void shouldPrintVideoDurationAndQualityOfACompletedRequest() {
        RequestStatus status =
                new RequestStatus(
                        "r2",
                        "live",
                        List.of(
                                row("SCENES_PLANNED", 25, 1, "2 scenes", 2),
                                row("CLIPS_READY", 60, 5, "2 scenes ready", 2),
                                row("COMPLETED", 100, 9, "COMPLETED", null)),
                        new Result(
                                "COMPLETED",
                                "s3://reelflow/videos/live/r2.mp4",
                                8.04,
                                91.6,
                                null,
                                T0.plusSeconds(9)),
                        List.of());

        assertThat(status.format())
                .contains("scenes      2 planned, all with clips")
                .contains("  video     s3://reelflow/videos/live/r2.mp4")
                .contains("  duration  8.0 s")
                .contains("  quality   92")
                .doesNotContain("message", "other runs");
    }

    @Test
    void shouldTakeTheLatestRowButADuplicateAsThePhaseAndSayWhenThereIsNoResult() {
        RequestStatus status =
                new RequestStatus(
                        "r3",
                        "live",
                        List.of(
                                row("RECEIVED", 5, 0, "accepted", null),
                                row("LANGUAGE_DETECTED", 15, 1, "language en", null),
                                row("DUPLICATE", 0, 3, "already received", null)),
                        null,
                        List.of());

        assertThat(status.phase()).map(PhaseRow::phase).contains("LANGUAGE_DETECTED");
        assertThat(status.format()).contains("result      none yet").doesNotContain("scenes ");
    }

    private static PhaseRow row(
            String phase, int progress, int second, String message, Integer scenes) {
        return new PhaseRow(phase, progress, T0.plusSeconds(second), message, scenes);
    }
}
