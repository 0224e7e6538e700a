package io.reelflow.benchmarks.burst;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.benchmarks.common.ResultCollector;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link BurstFigures}. */
class BurstFiguresTest {

    private static VideoResult result(String id, ResultStatus status, long at, String error) {
        return VideoResult.newBuilder()
                .setRequestId(id)
                .setRunId("burst")
                .setStatus(status)
                .setError(error)
                .setCompletedAt(Instant.ofEpochMilli(at))
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object figures) {
        return (Map<String, Object>) figures;
    }

    @Test
    void shouldMeasureFromEachRequestsPublishAndCountStatusesAndGatherDeadlines() {
        String[] ids = {"a", "b", "c", "d"};
        long[] published = {1_000, 1_000, 2_000, 2_000};
        Map<String, ResultCollector.Seen> results =
                Map.of(
                        "a",
                        new ResultCollector.Seen(
                                4_000, result("a", ResultStatus.COMPLETED, 3_000, null)),
                        "b",
                        new ResultCollector.Seen(
                                5_000,
                                result(
                                        "b",
                                        ResultStatus.FAILED,
                                        4_500,
                                        "timed out waiting for scenes [1]")),
                        "c",
                        new ResultCollector.Seen(
                                12_000,
                                result("c", ResultStatus.DEGRADED, 11_000, "scene 0: title card")));

        Map<String, Object> figures = BurstFigures.of(published, ids, results);

        assertThat(figures)
                .containsEntry("committedResults", 3)
                .containsEntry("missingResults", 1)
                .containsEntry("gatherDeadlineFailures", 1L)
                .containsEntry(
                        "statusCounts", Map.of("COMPLETED", 1L, "DEGRADED", 1L, "FAILED", 1L));
        assertThat(figures.get("latencyToCommittedResultMillis"))
                .isEqualTo(
                        Map.of(
                                "count", 3L, "min", 3_000L, "p50", 4_000L, "p95", 10_000L, "p99",
                                10_000L, "max", 10_000L));
        assertThat(castMap(figures.get("throughputCompletedAt")))
                .containsEntry("firstResultSeconds", 2.0)
                .containsEntry("makespanSeconds", 10.0);
        assertThat(castMap(figures.get("throughputCommitted")))
                .containsEntry("firstResultSeconds", 3.0)
                .containsEntry("makespanSeconds", 11.0);
        assertThat(figures.get("errorKinds"))
                .isEqualTo(
                        Map.of(
                                "FAILED: timed out waiting for scenes […]", 1L,
                                "DEGRADED: scene N: title card", 1L));
    }

    @Test
    void shouldTakeThroughputFromTheFirstPublishToTheLastResult() {
        long[] published = {0, 500};
        long[] seen = new long[11];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = 10_000 + 1_000L * i;
        }

        Map<String, Object> figures = BurstFigures.throughput(published, seen);

        assertThat(figures)
                .containsEntry("publishSeconds", 0.5)
                .containsEntry("firstResultSeconds", 10.0)
                .containsEntry("makespanSeconds", 20.0)
                .containsEntry("resultsPerSecond", 0.55)
                .containsEntry("resultsPerSecondMiddle80Percent", 1.0);
    }
}
