package io.reelflow.operators.generation;

import java.time.Duration;

/**
 * What the generation stage counts, in plain Java: the Flink function reports it to the {@code
 * reelflow.generation} metric group with an {@code endpoint} subgroup; tests count it directly.
 * Every method has a no-op default.
 */
public interface GenerationMetrics {

    /** Counts nothing. */
    GenerationMetrics NONE = new GenerationMetrics() {};

    /** A scene's media was already in the clip cache. */
    default void cacheHit() {}

    /** A scene joined identical work already in flight instead of submitting it again. */
    default void sharedSubmission() {}

    /** An attempt on {@code model} starts: a slot, a submission and polls, or a failure. */
    default void attempted(String model) {}

    /** A job was submitted to {@code endpoint}. */
    default void submitted(String endpoint) {}

    /** A job on {@code endpoint} was polled. */
    default void polled(String endpoint) {}

    /** An attempt on {@code model} failed and is tried again. */
    default void retried(String model) {}

    /** An attempt on {@code endpoint} failed, for {@code cause} ({@code overloaded}, …). */
    default void failed(String endpoint, String cause) {}

    /** How long a job waited for a slot on {@code endpoint}. */
    default void queueWait(String endpoint, Duration wait) {}

    /** How long a job ran on {@code endpoint}, submission to end. */
    default void jobLatency(String endpoint, Duration latency) {}

    /** GPU time a job used: as the server reports it, else the job's time. */
    default void gpuTime(String endpoint, Duration gpu) {}

    /** A scene became a title card. */
    default void titleCard() {}

    /** A scene's media came from a fallback model, after the models before it failed. */
    default void fallbackModel() {}
}
