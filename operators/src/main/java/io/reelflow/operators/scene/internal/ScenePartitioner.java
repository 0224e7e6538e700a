package io.reelflow.operators.scene.internal;

/**
 * Decides how many scenes a video gets and which consecutive segments form each scene, so that
 * scenes are about equally long in reading time.
 */
public final class ScenePartitioner {

    private ScenePartitioner() {}

    /**
     * The scene count for a video of {@code totalSeconds}: about {@code totalSeconds / target},
     * within what the min and max scene length allow, at most {@code maxScenes} and at most one
     * scene per segment, at least one.
     */
    public static int sceneCount(
            double totalSeconds,
            int segments,
            double targetSeconds,
            double minSeconds,
            double maxSeconds,
            int maxScenes) {
        long ideal = Math.round(totalSeconds / targetSeconds);
        long atLeast = (long) Math.ceil(totalSeconds / maxSeconds - 1e-9);
        long atMost = (long) Math.floor(totalSeconds / minSeconds + 1e-9);
        long count = Math.max(ideal, atLeast);
        count = Math.min(count, atMost);
        count = Math.min(count, Math.min(maxScenes, segments));
        return (int) Math.max(1, count);
    }

    /**
     * Cuts {@code weights} (reading seconds of consecutive segments) into {@code count} non-empty
     * runs of about equal weight.
     *
     * @return the index of the first segment of each run; element 0 is 0
     */
    public static int[] partition(double[] weights, int count) {
        int m = weights.length;
        if (count < 1 || count > m) {
            throw new IllegalArgumentException(
                    "cannot cut " + m + " segments into " + count + " scenes");
        }
        double[] cumulative = new double[m + 1];
        for (int i = 0; i < m; i++) {
            cumulative[i + 1] = cumulative[i] + weights[i];
        }
        double total = cumulative[m];
        int[] starts = new int[count];
        for (int k = 1; k < count; k++) {
            double boundary = total * k / count;
            int j = nearest(cumulative, boundary);
            int lowest = starts[k - 1] + 1;
            int highest = m - (count - k);
            starts[k] = Math.max(lowest, Math.min(highest, j));
        }
        return starts;
    }

    /** The index {@code j} in 1..length-2 whose cumulative weight is closest to {@code value}. */
    private static int nearest(double[] cumulative, double value) {
        int low = 1;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low > 1 && value - cumulative[low - 1] <= cumulative[low] - value) {
            return low - 1;
        }
        return low;
    }
}
