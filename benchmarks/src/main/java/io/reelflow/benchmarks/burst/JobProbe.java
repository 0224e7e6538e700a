package io.reelflow.benchmarks.burst;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelflow.benchmarks.common.FlinkRest;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the burst reads from the job's REST API: when every task runs, checkpoint counts and
 * durations, and where each task's time goes (busy and back-pressured per second).
 */
final class JobProbe {

    private final FlinkRest rest;
    private final String jobId;

    JobProbe(FlinkRest rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
    }

    /** Waits until every task of the job runs, so the burst meets a job ready to read it. */
    void awaitRunning() throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            try {
                JsonNode job = rest.get("/jobs/" + jobId);
                boolean allRunning = job.path("vertices").size() > 0;
                for (JsonNode vertex : job.path("vertices")) {
                    allRunning &= "RUNNING".equals(vertex.path("status").asText());
                }
                if (allRunning) {
                    return;
                }
            } catch (IOException e) {
                // Not up yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the job's tasks did not all start within 3 minutes");
    }

    /** Completed, failed and in-progress checkpoints and the latest duration; empty on error. */
    Map<String, Object> checkpointCounts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        try {
            JsonNode answer = rest.get("/jobs/" + jobId + "/checkpoints");
            counts.put("checkpointsCompleted", answer.path("counts").path("completed").asLong());
            counts.put("checkpointsFailed", answer.path("counts").path("failed").asLong());
            counts.put("checkpointsInProgress", answer.path("counts").path("in_progress").asLong());
            JsonNode latest = answer.path("latest").path("completed");
            if (!latest.isMissingNode() && !latest.isNull()) {
                counts.put("lastCheckpointMillis", latest.path("end_to_end_duration").asLong());
            }
        } catch (IOException e) {
            counts.put("checkpointsUnavailable", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts;
    }

    /**
     * Per task (operator chain) with any load, the busiest and most back-pressured subtask's
     * milliseconds per second as {@code busy/backPressured}: where the pipeline's time goes.
     */
    Map<String, String> vertexLoad() {
        Map<String, String> load = new LinkedHashMap<>();
        try {
            for (JsonNode vertex : rest.get("/jobs/" + jobId).path("vertices")) {
                JsonNode metrics =
                        rest.get(
                                "/jobs/"
                                        + jobId
                                        + "/vertices/"
                                        + vertex.path("id").asText()
                                        + "/subtasks/metrics?get=busyTimeMsPerSecond,"
                                        + "backPressuredTimeMsPerSecond&agg=max");
                long busy = 0;
                long backPressured = 0;
                for (JsonNode metric : metrics) {
                    long value = Math.round(metric.path("max").asDouble());
                    if (metric.path("id").asText().startsWith("busy")) {
                        busy = value;
                    } else {
                        backPressured = value;
                    }
                }
                if (busy + backPressured >= 100) {
                    load.put(shortName(vertex.path("name").asText()), busy + "/" + backPressured);
                }
            }
        } catch (IOException e) {
            load.put("unavailable", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return load;
    }

    /** The first operator of a chain's name, e.g. {@code Render videos (FFmpeg)}. */
    private static String shortName(String chain) {
        String first = chain.split(" -> ")[0];
        return first.length() > 40 ? first.substring(0, 40) : first;
    }

    /** Counts, end-to-end duration and state size summaries, and the latest failure. */
    Map<String, Object> checkpointSummary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        try {
            JsonNode answer = rest.get("/jobs/" + jobId + "/checkpoints");
            summary.put("counts", answer.path("counts"));
            summary.put(
                    "endToEndDurationMillis", answer.path("summary").path("end_to_end_duration"));
            summary.put("stateSizeBytes", answer.path("summary").path("state_size"));
            summary.put("latestFailed", answer.path("latest").path("failed"));
        } catch (IOException e) {
            summary.put("unavailable", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }
}
