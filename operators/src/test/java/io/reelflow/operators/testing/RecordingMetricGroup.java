package io.reelflow.operators.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.OperatorIOMetricGroup;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.util.MockStreamingRuntimeContext;

/**
 * An operator's metric group that keeps what is registered in it, by dotted path ({@code
 * addGroup("stage", "render")} adds {@code stage.render}), so tests can read the metrics a function
 * reports.
 */
public final class RecordingMetricGroup extends UnregisteredMetricsGroup
        implements OperatorMetricGroup {
    private final Map<String, Metric> metrics;
    private final String prefix;

    public RecordingMetricGroup() {
        this(new ConcurrentHashMap<>(), "");
    }

    private RecordingMetricGroup(Map<String, Metric> metrics, String prefix) {
        this.metrics = metrics;
        this.prefix = prefix;
    }

    /** A runtime context of subtask 0 of 1 whose operator metric group is this one. */
    public MockStreamingRuntimeContext runtimeContext() {
        RecordingMetricGroup group = this;
        return new MockStreamingRuntimeContext(1, 0) {
            @Override
            public OperatorMetricGroup getMetricGroup() {
                return group;
            }
        };
    }

    /** Paths of every metric registered so far. */
    public java.util.Set<String> paths() {
        return metrics.keySet();
    }

    public long count(String path) {
        return ((Counter) metric(path)).getCount();
    }

    public Object gauge(String path) {
        return ((Gauge<?>) metric(path)).getValue();
    }

    public Histogram histogram(String path) {
        return (Histogram) metric(path);
    }

    private Metric metric(String path) {
        Metric metric = metrics.get(path);
        if (metric == null) {
            throw new AssertionError("no metric " + path + "; there are " + metrics.keySet());
        }
        return metric;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return register(name, counter);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return register(name, gauge);
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        return register(name, histogram);
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new RecordingMetricGroup(metrics, prefix + name + ".");
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new RecordingMetricGroup(metrics, prefix + key + "." + value + ".");
    }

    @Override
    public OperatorIOMetricGroup getIOMetricGroup() {
        return UnregisteredMetricsGroup.createOperatorIOMetricGroup();
    }

    private <M extends Metric> M register(String name, M metric) {
        metrics.put(prefix + name, metric);
        return metric;
    }
}
