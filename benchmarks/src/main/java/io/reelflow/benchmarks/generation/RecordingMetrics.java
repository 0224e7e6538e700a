package io.reelflow.benchmarks.generation;

import io.reelflow.operators.generation.GenerationMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What a benchmark run needs from the generation stage's metrics: the first submission's time,
 * polls, every job's latency (submission to the poll that saw it end) and server time, and anything
 * that went wrong. Thread-safe.
 */
final class RecordingMetrics implements GenerationMetrics {

    private final LongAccumulator firstSubmitNanos = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final AtomicLong submissions = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong problems = new AtomicLong();
    private final List<Duration> jobLatencies = new ArrayList<>();
    private final List<Duration> serverTimes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, List<Long>> submittedAt = new HashMap<>();
    private final Map<String, List<Long>> endedAt = new HashMap<>();

    @Override
    public void submitted(String endpoint) {
        long now = System.nanoTime();
        firstSubmitNanos.accumulate(now);
        submissions.incrementAndGet();
        synchronized (this) {
            submittedAt.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(now);
        }
    }

    @Override
    public void polled(String endpoint) {
        polls.incrementAndGet();
    }

    @Override
    public synchronized void jobLatency(String endpoint, Duration latency) {
        jobLatencies.add(latency);
        endedAt.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(System.nanoTime());
    }

    @Override
    public synchronized void gpuTime(String endpoint, Duration gpu) {
        serverTimes.add(gpu);
    }

    @Override
    public synchronized void failed(String endpoint, String cause) {
        problems.incrementAndGet();
        failures.add(endpoint + ":" + cause);
    }

    @Override
    public void cacheHit() {
        problems.incrementAndGet();
    }

    @Override
    public void sharedSubmission() {
        problems.incrementAndGet();
    }

    @Override
    public void titleCard() {
        problems.incrementAndGet();
    }

    /** {@link System#nanoTime()} of the first submission; {@code Long.MAX_VALUE} before it. */
    long firstSubmitNanos() {
        return firstSubmitNanos.get();
    }

    long submissions() {
        return submissions.get();
    }

    long polls() {
        return polls.get();
    }

    /** Failures, cache hits, shared submissions and title cards: none in a clean run. */
    long problems() {
        return problems.get();
    }

    synchronized List<Duration> jobLatencies() {
        return new ArrayList<>(jobLatencies);
    }

    synchronized List<Duration> serverTimes() {
        return new ArrayList<>(serverTimes);
    }

    /** Per endpoint, when each job was submitted ({@link System#nanoTime()}). */
    synchronized Map<String, List<Long>> submittedAt() {
        Map<String, List<Long>> copy = new HashMap<>();
        submittedAt.forEach((endpoint, times) -> copy.put(endpoint, new ArrayList<>(times)));
        return copy;
    }

    /** Per endpoint, when the poll that saw each job end returned. */
    synchronized Map<String, List<Long>> endedAt() {
        Map<String, List<Long>> copy = new HashMap<>();
        endedAt.forEach((endpoint, times) -> copy.put(endpoint, new ArrayList<>(times)));
        return copy;
    }

    synchronized List<String> failures() {
        return new ArrayList<>(failures);
    }
}
