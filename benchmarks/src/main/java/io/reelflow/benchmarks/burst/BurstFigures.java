package io.reelflow.benchmarks.burst;

import io.reelflow.benchmarks.common.Percentiles;
import io.reelflow.benchmarks.common.ResultCollector;
import io.reelflow.schemas.VideoResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The burst's outcome from the publish times and the first committed result of each request:
 * latency percentiles, throughput, results per status, and the failures by kind.
 */
final class BurstFigures {

    /** The start of the error text a request gets when the gather deadline fails it. */
    static final String GATHER_DEADLINE_ERROR = "timed out waiting for scenes";

    private static final int ERROR_KIND_CHARS = 60;

    private BurstFigures() {}

    /**
     * @param publishedAtMillis when Kafka acknowledged request {@code i} (wall clock), by index
     * @param ids the request id of each index
     * @param results the first committed result per request id
     */
    static Map<String, Object> of(
            long[] publishedAtMillis, String[] ids, Map<String, ResultCollector.Seen> results) {
        int count = ids.length;
        long[] committed = new long[results.size()];
        long[] completed = new long[results.size()];
        long[] seenAt = new long[results.size()];
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> errorKinds = new TreeMap<>();
        long gatherDeadline = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            ResultCollector.Seen seen = results.get(ids[i]);
            if (seen == null) {
                continue;
            }
            VideoResult result = seen.result();
            committed[n] = seen.seenAtMillis() - publishedAtMillis[i];
            completed[n] = result.getCompletedAt().toEpochMilli() - publishedAtMillis[i];
            seenAt[n] = seen.seenAtMillis();
            n++;
            statuses.merge(result.getStatus().name(), 1L, Long::sum);
            if (result.getError() != null) {
                String error = result.getError().toString();
                if (error.startsWith(GATHER_DEADLINE_ERROR)) {
                    gatherDeadline++;
                }
                errorKinds.merge(errorKind(result.getStatus().name(), error), 1L, Long::sum);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", count);
        figures.put("committedResults", n);
        figures.put("missingResults", count - n);
        figures.put("statusCounts", statuses);
        figures.put("gatherDeadlineFailures", gatherDeadline);
        figures.put("errorKinds", errorKinds);
        figures.put(
                "latencyToCommittedResultMillis", Percentiles.summary(Arrays.copyOf(committed, n)));
        figures.put("latencyToCompletedAtMillis", Percentiles.summary(Arrays.copyOf(completed, n)));
        figures.put("throughputCommitted", throughput(publishedAtMillis, Arrays.copyOf(seenAt, n)));
        long[] completedAt = new long[n];
        for (int i = 0, j = 0; i < count; i++) {
            ResultCollector.Seen seen = results.get(ids[i]);
            if (seen != null) {
                completedAt[j++] = seen.result().getCompletedAt().toEpochMilli();
            }
        }
        // Committed results arrive in batches, one per checkpoint; completedAt shows the job's
        // pace.
        figures.put("throughputCompletedAt", throughput(publishedAtMillis, completedAt));
        return figures;
    }

    /**
     * Results per second over the whole burst (first publish to last result) and over its middle
     * (the 10th to the 90th percentile of result times), which leaves out start-up and the tail.
     */
    static Map<String, Object> throughput(long[] publishedAtMillis, long[] seenAtMillis) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (seenAtMillis.length < 2 || publishedAtMillis.length == 0) {
            return figures;
        }
        long[] seen = seenAtMillis.clone();
        Arrays.sort(seen);
        long firstPublish = Arrays.stream(publishedAtMillis).min().getAsLong();
        long lastPublish = Arrays.stream(publishedAtMillis).max().getAsLong();
        double makespan = (seen[seen.length - 1] - firstPublish) / 1000.0;
        figures.put("publishSeconds", round((lastPublish - firstPublish) / 1000.0));
        figures.put("firstResultSeconds", round((seen[0] - firstPublish) / 1000.0));
        figures.put("makespanSeconds", round(makespan));
        figures.put("resultsPerSecond", round(seen.length / makespan));
        int from = (int) Math.floor(0.1 * (seen.length - 1));
        int to = (int) Math.ceil(0.9 * (seen.length - 1));
        double middle = (seen[to] - seen[from]) / 1000.0;
        if (middle > 0) {
            figures.put("resultsPerSecondMiddle80Percent", round((to - from) / middle));
        }
        return figures;
    }

    /**
     * The status and the error's first words, with numbers and brackets blanked, to count kinds.
     */
    static String errorKind(String status, String error) {
        String head =
                error.length() > ERROR_KIND_CHARS ? error.substring(0, ERROR_KIND_CHARS) : error;
        return status + ": " + head.replaceAll("[0-9]+", "N").replaceAll("\\[[^\\]]*\\]?", "[…]");
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
