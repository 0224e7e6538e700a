package io.reelflow.benchmarks.generation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoint figures as Flink's REST API reports them: completed checkpoints from {@code
 * /jobs/:id/checkpoints} and one vertex's subtask breakdown from {@code
 * /jobs/:id/checkpoints/details/:checkpoint/subtasks/:vertex}. Durations in milliseconds, sizes in
 * bytes.
 */
final class CheckpointFigures {

    private CheckpointFigures() {}

    /**
     * One completed checkpoint.
     *
     * @param type {@code CHECKPOINT} (aligned) or {@code UNALIGNED_CHECKPOINT}
     * @param processedBytes data processed during alignment
     * @param persistedBytes in-flight data persisted (unaligned checkpoints)
     */
    record Completed(
            long id,
            long triggerTimestamp,
            long latestAckTimestamp,
            long endToEndMillis,
            long stateBytes,
            long checkpointedBytes,
            String type,
            long processedBytes,
            long persistedBytes) {}

    /**
     * One vertex's part of a checkpoint, the slowest subtask for each figure.
     *
     * @param syncMillis the synchronous part of the snapshot (on the task thread)
     * @param asyncMillis the asynchronous part (writing the state out)
     * @param alignmentMillis waiting for barriers from every input
     * @param startDelayMillis from the checkpoint's trigger to its barrier's arrival
     */
    record Vertex(
            long endToEndMillis,
            long stateBytes,
            long syncMillis,
            long asyncMillis,
            long alignmentMillis,
            long startDelayMillis,
            boolean unaligned) {}

    /** The completed checkpoints in the answer's history, oldest first. */
    static List<Completed> completed(JsonNode checkpoints) {
        List<Completed> completed = new ArrayList<>();
        for (JsonNode entry : checkpoints.path("history")) {
            if (!"COMPLETED".equals(entry.path("status").asText())) {
                continue;
            }
            completed.add(
                    new Completed(
                            entry.path("id").asLong(),
                            entry.path("trigger_timestamp").asLong(),
                            entry.path("latest_ack_timestamp").asLong(),
                            entry.path("end_to_end_duration").asLong(),
                            entry.path("state_size").asLong(),
                            entry.path("checkpointed_size").asLong(),
                            entry.path("checkpoint_type").asText(),
                            entry.path("processed_data").asLong(),
                            entry.path("persisted_data").asLong()));
        }
        completed.sort((a, b) -> Long.compare(a.id(), b.id()));
        return completed;
    }

    /** Checkpoints failed so far ({@code counts.failed}). */
    static long failedCount(JsonNode checkpoints) {
        return checkpoints.path("counts").path("failed").asLong();
    }

    /** Why the latest failed checkpoint failed, or empty. */
    static String latestFailure(JsonNode checkpoints) {
        return checkpoints.path("latest").path("failed").path("failure_message").asText("");
    }

    /** How long the oldest checkpoint still in progress has been running, or 0. */
    static long oldestInProgressMillis(JsonNode checkpoints, long nowMillis) {
        long oldest = 0;
        for (JsonNode entry : checkpoints.path("history")) {
            if ("IN_PROGRESS".equals(entry.path("status").asText())) {
                oldest = Math.max(oldest, nowMillis - entry.path("trigger_timestamp").asLong());
            }
        }
        return oldest;
    }

    /** The slowest subtask's figures of one vertex in one checkpoint. */
    static Vertex vertex(JsonNode subtaskDetails) {
        long endToEnd = 0;
        long state = 0;
        long sync = 0;
        long async = 0;
        long alignment = 0;
        long startDelay = 0;
        boolean unaligned = false;
        for (JsonNode subtask : subtaskDetails.path("subtasks")) {
            endToEnd = Math.max(endToEnd, subtask.path("end_to_end_duration").asLong());
            state += subtask.path("state_size").asLong();
            sync = Math.max(sync, subtask.path("checkpoint").path("sync").asLong());
            async = Math.max(async, subtask.path("checkpoint").path("async").asLong());
            alignment = Math.max(alignment, subtask.path("alignment").path("duration").asLong());
            startDelay = Math.max(startDelay, subtask.path("start_delay").asLong());
            unaligned |= subtask.path("unaligned_checkpoint").asBoolean(false);
        }
        return new Vertex(endToEnd, state, sync, async, alignment, startDelay, unaligned);
    }
}
