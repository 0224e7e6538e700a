package io.reelflow.operators.generation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@link GenerationMetrics} that remembers what was counted, for assertions. */
final class RecordingMetrics implements GenerationMetrics {
    int cacheHits;
    int sharedSubmissions;
    int retries;
    int titleCards;
    int modelFallbacks;
    int attempts;
    final List<String> failures = new ArrayList<>();
    final List<Duration> queueWaits = new ArrayList<>();
    Duration gpu = Duration.ZERO;

    @Override
    public synchronized void cacheHit() {
        cacheHits++;
    }

    @Override
    public synchronized void sharedSubmission() {
        sharedSubmissions++;
    }

    @Override
    public synchronized void retried(String model) {
        retries++;
    }

    @Override
    public synchronized void failed(String endpoint, String cause) {
        failures.add(endpoint + ":" + cause);
    }

    @Override
    public synchronized void queueWait(String endpoint, Duration wait) {
        queueWaits.add(wait);
    }

    @Override
    public synchronized void gpuTime(String endpoint, Duration time) {
        gpu = gpu.plus(time);
    }

    @Override
    public synchronized void titleCard() {
        titleCards++;
    }

    @Override
    public synchronized void fallbackModel() {
        modelFallbacks++;
    }

    @Override
    public synchronized void attempted(String model) {
        attempts++;
    }
}
