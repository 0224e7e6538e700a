package io.reelflow.operators.common;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The one metric group every Reelflow metric lives in, {@code reelflow} under the operator's own,
 * so Prometheus names read {@code flink_taskmanager_job_task_operator_reelflow_…} and a {@code key,
 * value} subgroup becomes a label. The README's "Monitoring" section lists every metric.
 */
public final class ReelflowMetrics {
    /** The group's name, the first word after {@code operator_} in Prometheus names. */
    public static final String GROUP = "reelflow";

    /** Values a histogram keeps: its quantiles describe the latest this many. */
    private static final int HISTOGRAM_WINDOW = 500;

    private ReelflowMetrics() {}

    /** The {@code reelflow} group of the function's operator. */
    public static MetricGroup group(RuntimeContext context) {
        return context.getMetricGroup().addGroup(GROUP);
    }

    /**
     * A histogram of recent values (Prometheus: a summary with quantiles 0 to 1 and a {@code
     * _count}); Flink's own, so no Dropwizard.
     */
    public static Histogram histogram(MetricGroup group, String name) {
        return group.histogram(name, new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
    }
}
