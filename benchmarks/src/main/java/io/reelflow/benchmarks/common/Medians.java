package io.reelflow.benchmarks.common;

import java.util.Arrays;
import java.util.List;

/** Medians of run figures; the mean of the two middle values for an even count. */
public final class Medians {

    private Medians() {}

    public static double of(List<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
