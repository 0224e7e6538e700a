package io.reelflow.benchmarks.generation;

import java.util.Arrays;

/**
 * Clips per second of one run against the ideal {@code parallelism / jobSeconds} (S x E slots each
 * finishing a job every L seconds), computed two ways: from the first submission to the last
 * completion (everything included), and over the steady window from the completion of the first
 * {@code parallelism} clips to the last one, which leaves out the first round (connections, JIT,
 * the first hand-offs) and counts the {@code clips - parallelism} clips finished in it.
 *
 * @param clips clips completed
 * @param parallelism slots over all endpoints, S x E
 * @param jobSeconds the servers' job time L
 * @param makespanSeconds first submission to last completion
 * @param steadySeconds completion of clip number {@code parallelism} to the last completion
 */
public record Throughput(
        int clips,
        int parallelism,
        double jobSeconds,
        double makespanSeconds,
        double steadySeconds) {

    public Throughput {
        if (parallelism < 1 || clips < 2 * parallelism) {
            throw new IllegalArgumentException(
                    "need at least two rounds: " + clips + " clips on " + parallelism + " slots");
        }
        if (!(jobSeconds > 0) || !(makespanSeconds > 0) || !(steadySeconds > 0)) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /**
     * From {@link System#nanoTime()} readings: the first submission and each clip's completion, in
     * any order.
     */
    public static Throughput of(
            long firstSubmitNanos, long[] completionNanos, int parallelism, double jobSeconds) {
        long[] sorted = completionNanos.clone();
        Arrays.sort(sorted);
        int clips = sorted.length;
        if (parallelism < 1 || clips < 2 * parallelism) {
            throw new IllegalArgumentException(
                    "need at least two rounds: " + clips + " clips on " + parallelism + " slots");
        }
        long last = sorted[clips - 1];
        return new Throughput(
                clips,
                parallelism,
                jobSeconds,
                (last - firstSubmitNanos) / 1e9,
                (last - sorted[parallelism - 1]) / 1e9);
    }

    /** The ideal rate, S x E / L. */
    public double targetClipsPerSecond() {
        return parallelism / jobSeconds;
    }

    public double makespanClipsPerSecond() {
        return clips / makespanSeconds;
    }

    public double steadyClipsPerSecond() {
        return (clips - parallelism) / steadySeconds;
    }

    /** Achieved over ideal, first submission to last completion. */
    public double makespanRatio() {
        return makespanClipsPerSecond() / targetClipsPerSecond();
    }

    /** Achieved over ideal in the steady window. */
    public double steadyRatio() {
        return steadyClipsPerSecond() / targetClipsPerSecond();
    }
}
