package io.reelflow.benchmarks.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the burst reads from the job's REST API: when every task runs, checkpoint counts and
 * durations, and where each task's time goes (busy and back-pressured per second).
 */
public final class JobProbe {

    private final FlinkRest rest;
    private final String jobId;

    public JobProbe(FlinkRest rest, String jobId) {
        this.rest = rest;
        this.jobId = jobId;
    }

    /** Waits until every task of the job runs, so the burst meets a job ready to read it. */
    public void awaitRunning() throws Exception {
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
    public Map<String, Object> checkpointCounts() {
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
    public Map<String, String> vertexLoad() {
        Map<String, String> load = new LinkedHashMap<>();
        try {
            vertexLoadFigures()
                    .forEach(
                            (name, figures) -> {
                                long busy = Math.round(figures[0]);
                                long backPressured = Math.round(figures[1]);
                                if (busy + backPressured >= 100) {
                                    load.put(name, busy + "/" + backPressured);
                                }
                            });
        } catch (IOException e) {
            load.put("unavailable", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return load;
    }

    /**
     * Per task (operator chain), by its first operator's name, the busiest subtask's busy and the
     * most back-pressured subtask's back-pressured milliseconds per second.
     */
    public Map<String, double[]> vertexLoadFigures() throws IOException, InterruptedException {
        Map<String, double[]> load = new LinkedHashMap<>();
        for (JsonNode vertex : rest.get("/jobs/" + jobId).path("vertices")) {
            JsonNode metrics =
                    rest.get(
                            "/jobs/"
                                    + jobId
                                    + "/vertices/"
                                    + vertex.path("id").asText()
                                    + "/subtasks/metrics?get=busyTimeMsPerSecond,"
                                    + "backPressuredTimeMsPerSecond&agg=max");
            double busy = 0;
            double backPressured = 0;
            for (JsonNode metric : metrics) {
                double value = metric.path("max").asDouble();
                if (metric.path("id").asText().startsWith("busy")) {
                    busy = value;
                } else {
                    backPressured = value;
                }
            }
            load.put(shortName(vertex.path("name").asText()), new double[] {busy, backPressured});
        }
        return load;
    }

    /** The first operator of a chain's name, e.g. {@code Render videos (FFmpeg)}. */
    private static String shortName(String chain) {
        String first = chain.split(" -> ")[0];
        return first.length() > 40 ? first.substring(0, 40) : first;
    }

    /** Counts, end-to-end duration and state size summaries, and the latest failure. */
    public Map<String, Object> checkpointSummary() {
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
