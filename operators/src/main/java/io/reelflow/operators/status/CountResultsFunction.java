package io.reelflow.operators.status;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.schemas.QualityReport;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoResult;
import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * Passes every result through and counts it: {@code reelflow.status.<status>.results} (a counter
 * per final status, all registered at once so each reads 0 before its first result) and the
 * histogram {@code reelflow.qualityScore} of the scored videos' final score (0–100).
 */
public class CountResultsFunction extends RichMapFunction<VideoResult, VideoResult> {
    private transient Map<ResultStatus, Counter> results;
    private transient Histogram qualityScore;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup reelflow = ReelflowMetrics.group(getRuntimeContext());
        results = new EnumMap<>(ResultStatus.class);
        for (ResultStatus status : ResultStatus.values()) {
            results.put(status, reelflow.addGroup("status", status.name()).counter("results"));
        }
        qualityScore = ReelflowMetrics.histogram(reelflow, "qualityScore");
    }

    @Override
    public VideoResult map(VideoResult result) {
        results.get(result.getStatus()).inc();
        QualityReport quality = result.getQuality();
        if (quality != null) {
            qualityScore.update(Math.round(quality.getScore()));
        }
        return result;
    }
}
