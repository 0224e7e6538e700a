package io.reelflow.operators.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.testing.RecordingMetricGroup;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import java.time.Instant;
import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link CountResultsFunction}. */
class CountResultsFunctionTest {
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private final CountResultsFunction function = new CountResultsFunction();

    @BeforeEach
    void open() {
        function.setRuntimeContext(metrics.runtimeContext());
        function.open(DefaultOpenContext.INSTANCE);
    }

    @Test
    void shouldRegisterACounterForEveryStatusBeforeTheFirstResult() {
        for (ResultStatus status : ResultStatus.values()) {
            assertThat(metrics.count("reelflow.status." + status + ".results")).isZero();
        }
    }

    @Test
    void shouldCountResultsByStatusAndRecordTheirQualityScores() {
        VideoResult completed = result(ResultStatus.COMPLETED, 91.6);
        assertThat(function.map(completed)).isSameAs(completed);
        function.map(result(ResultStatus.DEGRADED, 40.2));
        function.map(result(ResultStatus.REJECTED, null));

        assertThat(metrics.count("reelflow.status.COMPLETED.results")).isOne();
        assertThat(metrics.count("reelflow.status.DEGRADED.results")).isOne();
        assertThat(metrics.count("reelflow.status.REJECTED.results")).isOne();
        assertThat(metrics.count("reelflow.status.FAILED.results")).isZero();
        assertThat(metrics.histogram("reelflow.qualityScore").getCount())
                .as("only scored videos have a score")
                .isEqualTo(2);
        assertThat(metrics.histogram("reelflow.qualityScore").getStatistics().getMax())
                .isEqualTo(92);
        assertThat(metrics.histogram("reelflow.qualityScore").getStatistics().getMin())
                .isEqualTo(40);
    }

    private static VideoResult result(ResultStatus status, Double score) {
        return VideoResult.newBuilder()
                .setRequestId("r1")
                .setRunId("run")
                .setStatus(status)
                .setQuality(
                        score == null
                                ? null
                                : QualityReport.newBuilder()
                                        .setScore(score)
                                        .setPassed(true)
                                        .build())
                .setCompletedAt(Instant.EPOCH)
                .build();
    }
}
