package io.reelflow.benchmarks.common;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nearest-rank percentiles of latencies: p50, p95, p99 and max are values that occurred. */
public final class Percentiles {

    private Percentiles() {}

    /**
     * The smallest value with at least {@code percent} % of the values at or below it.
     *
     * @throws IllegalArgumentException for no values or a percent outside (0, 100]
     */
    public static long nearestRank(long[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * {@code count}, {@code min}, {@code p50}, {@code p95}, {@code p99}, {@code max}; empty for
     * none.
     */
    public static Map<String, Long> summary(long[] values) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("count", (long) values.length);
        if (values.length == 0) {
            return summary;
        }
        summary.put("min", Arrays.stream(values).min().getAsLong());
        summary.put("p50", nearestRank(values, 50));
        summary.put("p95", nearestRank(values, 95));
        summary.put("p99", nearestRank(values, 99));
        summary.put("max", Arrays.stream(values).max().getAsLong());
        return summary;
    }
}
