package io.reelflow.operators.generation.internal;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.operators.generation.GenerationMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * {@link GenerationMetrics} in Flink metric groups: counters of the whole stage under the group it
 * is given ({@code reelflow.generation}): {@code attempts}, {@code failures} (failed attempts),
 * {@code fallbacks} per {@code kind} ({@code model}, {@code title_card}); and per endpoint under
 * {@code endpoint.<name>} (a label for Prometheus): gauges {@code inFlight}, {@code queued}, {@code
 * breakerState} (0 closed, 1 half-open, 2 open), counters {@code submissions}, {@code polls},
 * {@code gpuMillis}, {@code failures} in all and per {@code cause}, histograms {@code
 * queueWaitMillis} and {@code jobLatencyMillis}. What a dashboard sums is registered at once, so it
 * reads 0 rather than nothing before the first failure.
 */
public final class FlinkGenerationMetrics implements GenerationMetrics {
    private final MetricGroup group;
    private final Counter cacheHits;
    private final Counter sharedSubmissions;
    private final Counter retries;
    private final Counter attempts;
    private final Counter failures;
    private final Counter titleCards;
    private final Counter modelFallbacks;
    private final Map<String, EndpointMetrics> endpoints = new ConcurrentHashMap<>();

    public FlinkGenerationMetrics(MetricGroup group) {
        this.group = group;
        this.cacheHits = group.counter("cacheHits");
        this.sharedSubmissions = group.counter("sharedSubmissions");
        this.retries = group.counter("retries");
        this.attempts = group.counter("attempts");
        this.failures = group.counter("failures");
        this.titleCards = group.addGroup("kind", "title_card").counter("fallbacks");
        this.modelFallbacks = group.addGroup("kind", "model").counter("fallbacks");
    }

    /** Registers the endpoint's gauges (its state is per task manager, shared by subtasks). */
    public void endpointGauges(Endpoint endpoint) {
        MetricGroup metrics = endpoint(endpoint.name()).group;
        metrics.gauge("inFlight", (Gauge<Integer>) () -> endpoint.slots().inUse());
        metrics.gauge("queued", (Gauge<Integer>) () -> endpoint.slots().waiting());
        metrics.gauge("breakerState", (Gauge<Integer>) endpoint::breakerState);
    }

    @Override
    public void cacheHit() {
        cacheHits.inc();
    }

    @Override
    public void sharedSubmission() {
        sharedSubmissions.inc();
    }

    @Override
    public void attempted(String model) {
        attempts.inc();
    }

    @Override
    public void submitted(String endpoint) {
        endpoint(endpoint).submissions.inc();
    }

    @Override
    public void polled(String endpoint) {
        endpoint(endpoint).polls.inc();
    }

    @Override
    public void retried(String model) {
        retries.inc();
    }

    @Override
    public void failed(String endpoint, String cause) {
        failures.inc();
        EndpointMetrics metrics = endpoint(endpoint);
        metrics.failures.inc();
        metrics.causes
                .computeIfAbsent(cause, c -> metrics.group.addGroup("cause", c).counter("failures"))
                .inc();
    }

    @Override
    public void queueWait(String endpoint, Duration wait) {
        endpoint(endpoint).queueWait.update(wait.toMillis());
    }

    @Override
    public void jobLatency(String endpoint, Duration latency) {
        endpoint(endpoint).jobLatency.update(latency.toMillis());
    }

    @Override
    public void gpuTime(String endpoint, Duration gpu) {
        endpoint(endpoint).gpuMillis.inc(gpu.toMillis());
    }

    @Override
    public void titleCard() {
        titleCards.inc();
    }

    @Override
    public void fallbackModel() {
        modelFallbacks.inc();
    }

    private EndpointMetrics endpoint(String name) {
        return endpoints.computeIfAbsent(
                name, n -> new EndpointMetrics(group.addGroup("endpoint", n)));
    }

    private static final class EndpointMetrics {
        final MetricGroup group;
        final Counter submissions;
        final Counter polls;
        final Counter gpuMillis;
        final Counter failures;
        final Histogram queueWait;
        final Histogram jobLatency;
        final Map<String, Counter> causes = new ConcurrentHashMap<>();

        EndpointMetrics(MetricGroup group) {
            this.group = group;
            this.submissions = group.counter("submissions");
            this.polls = group.counter("polls");
            this.gpuMillis = group.counter("gpuMillis");
            this.failures = group.counter("failures");
            this.queueWait = ReelflowMetrics.histogram(group, "queueWaitMillis");
            this.jobLatency = ReelflowMetrics.histogram(group, "jobLatencyMillis");
        }
    }
}
