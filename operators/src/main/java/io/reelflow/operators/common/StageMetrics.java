package io.reelflow.operators.common;

import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * What every async stage reports, under {@code reelflow.stage.<stage>} (the label {@code stage}):
 * histogram {@code latencyMillis} (an input's time in the operator, from its arrival to the output
 * its work made, waiting for a thread included; timeouts are counted apart), gauge {@code inFlight}
 * (inputs without an output yet), counters {@code failures} (outputs made from a failure: a
 * fallback or a failed result) and {@code timeouts} (outputs made because the async timeout fired).
 * Records in and out per second are Flink's own {@code numRecordsIn/OutPerSecond} of the operator.
 */
public final class StageMetrics {
    private final Histogram latency;
    private final Counter failures;
    private final Counter timeouts;

    private StageMetrics(MetricGroup group) {
        this.latency = ReelflowMetrics.histogram(group, "latencyMillis");
        this.failures = group.counter("failures");
        this.timeouts = group.counter("timeouts");
    }

    /** Registers the stage's metrics in {@code reelflow}, the group of {@link ReelflowMetrics}. */
    public static StageMetrics register(MetricGroup reelflow, String stage, IntSupplier inFlight) {
        MetricGroup group = reelflow.addGroup("stage", stage);
        group.gauge("inFlight", (Gauge<Integer>) inFlight::getAsInt);
        return new StageMetrics(group);
    }

    /** The start of an input's time, for {@link #completed(long)}. */
    public static long start() {
        return System.nanoTime();
    }

    /** An input that started at {@code startNanos} got its output. */
    public void completed(long startNanos) {
        latency.update((System.nanoTime() - startNanos) / 1_000_000);
    }

    /** An input's output was made from a failure of its work. */
    public void failed() {
        failures.inc();
    }

    /** An input's output was made because its work outlived the async timeout. */
    public void timedOut() {
        timeouts.inc();
    }
}
