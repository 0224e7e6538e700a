package io.reelflow.benchmarks.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Tests for {@link CheckpointFigures}, on answers shaped as Flink 2.2's REST API gives them. */
class CheckpointFiguresTest {

    private static final String CHECKPOINTS =
            """
            {"counts": {"restored": 0, "total": 4, "in_progress": 1, "completed": 2, "failed": 1},
             "latest": {"failed": {"id": 3, "status": "FAILED",
                                   "failure_message": "Checkpoint expired before completing."}},
             "history": [
              {"className": "in_progress", "id": 4, "status": "IN_PROGRESS",
               "trigger_timestamp": 1700000006000, "end_to_end_duration": 5},
              {"className": "failed", "id": 3, "status": "FAILED",
               "trigger_timestamp": 1700000004000, "end_to_end_duration": 600000},
              {"className": "completed", "id": 2, "status": "COMPLETED", "is_savepoint": false,
               "trigger_timestamp": 1700000002000, "latest_ack_timestamp": 1700000002017,
               "checkpointed_size": 236952, "state_size": 236952, "end_to_end_duration": 17,
               "alignment_buffered": 0, "processed_data": 0, "persisted_data": 0,
               "num_subtasks": 2, "num_acknowledged_subtasks": 2,
               "checkpoint_type": "CHECKPOINT", "tasks": {}},
              {"className": "completed", "id": 1, "status": "COMPLETED", "is_savepoint": false,
               "trigger_timestamp": 1700000000000, "latest_ack_timestamp": 1700000000338,
               "checkpointed_size": 236952, "state_size": 236952, "end_to_end_duration": 338,
               "alignment_buffered": 0, "processed_data": 10, "persisted_data": 20,
               "num_subtasks": 2, "num_acknowledged_subtasks": 2,
               "checkpoint_type": "UNALIGNED_CHECKPOINT", "tasks": {}}]}
            """;

    private static final String SUBTASKS =
            """
            {"id": 2, "status": "COMPLETED", "end_to_end_duration": 17, "num_subtasks": 2,
             "summary": {},
             "subtasks": [
              {"className": "completed", "index": 0, "end_to_end_duration": 17,
               "checkpointed_size": 120000, "state_size": 120000,
               "checkpoint": {"sync": 2, "async": 10},
               "alignment": {"buffered": 0, "processed": 0, "persisted": 0, "duration": 4},
               "start_delay": 2, "unaligned_checkpoint": false, "aborted": false,
               "status": "completed"},
              {"className": "completed", "index": 1, "end_to_end_duration": 15,
               "checkpointed_size": 116687, "state_size": 116687,
               "checkpoint": {"sync": 5, "async": 7},
               "alignment": {"buffered": 0, "processed": 0, "persisted": 0, "duration": 1},
               "start_delay": 3, "unaligned_checkpoint": true, "aborted": false,
               "status": "completed"}]}
            """;

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void shouldReadOnlyCompletedCheckpointsOldestFirst() throws Exception {
        assertThat(CheckpointFigures.completed(json(CHECKPOINTS)))
                .containsExactly(
                        new CheckpointFigures.Completed(
                                1,
                                1700000000000L,
                                1700000000338L,
                                338,
                                236952,
                                236952,
                                "UNALIGNED_CHECKPOINT",
                                10,
                                20),
                        new CheckpointFigures.Completed(
                                2,
                                1700000002000L,
                                1700000002017L,
                                17,
                                236952,
                                236952,
                                "CHECKPOINT",
                                0,
                                0));
    }

    @Test
    void shouldReadTheFailureCountAndTheLatestFailure() throws Exception {
        assertThat(CheckpointFigures.failedCount(json(CHECKPOINTS))).isOne();
        assertThat(CheckpointFigures.latestFailure(json(CHECKPOINTS)))
                .isEqualTo("Checkpoint expired before completing.");
        assertThat(CheckpointFigures.latestFailure(json("{\"latest\": {\"failed\": null}}")))
                .isEmpty();
    }

    @Test
    void shouldTellHowLongTheOldestCheckpointInProgressHasRun() throws Exception {
        assertThat(CheckpointFigures.oldestInProgressMillis(json(CHECKPOINTS), 1700000009000L))
                .isEqualTo(3000);
        assertThat(CheckpointFigures.oldestInProgressMillis(json("{\"history\": []}"), 1L))
                .isZero();
    }

    @Test
    void shouldTakeTheSlowestSubtaskForDurationsAndSumTheState() throws Exception {
        assertThat(CheckpointFigures.vertex(json(SUBTASKS)))
                .isEqualTo(new CheckpointFigures.Vertex(17, 236687, 5, 10, 4, 3, true));
    }
}
