package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a client sees of a run: the results committed on the results topic (read with {@code
 * read_committed}) and the rows of {@code video_results} in PostgreSQL.
 */
final class CommittedResults {
    private CommittedResults() {}

    /** Results committed on the stack's results topic. */
    static List<VideoResult> onTopic(ReelflowStack stack) throws Exception {
        List<VideoResult> results = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : stack.kafka.readAll(stack.resultsTopic())) {
            results.add(RecordJson.fromJson(record.value(), VideoResult.class));
        }
        return results;
    }

    /** The stack's {@code video_results} rows: status by request id. */
    static Map<String, String> rows(ReelflowStack stack) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection sql = stack.sql();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "SELECT request_id, status FROM video_results WHERE run_id = ?")) {
            statement.setString(1, stack.name);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String previous = rows.put(rs.getString(1), rs.getString(2));
                    assertThat(previous).as("second row for %s", rs.getString(1)).isNull();
                }
            }
        }
        return rows;
    }

    /** Whether the topic and the table each hold at least {@code expected} results. */
    static boolean arrived(ReelflowStack stack, int expected) throws Exception {
        return onTopic(stack).size() >= expected && rows(stack).size() >= expected;
    }

    /**
     * Every request has exactly one committed result and exactly one row, both COMPLETED, and there
     * is nothing else: none lost, none duplicated, none failed.
     */
    static void assertEachCompletedExactlyOnce(ReelflowStack stack, Collection<String> requestIds)
            throws Exception {
        Map<String, List<String>> topic =
                onTopic(stack).stream()
                        .collect(
                                Collectors.groupingBy(
                                        VideoResult::getRequestId,
                                        Collectors.mapping(
                                                r -> r.getStatus().name(), Collectors.toList())));
        assertThat(topic.keySet())
                .as("requests with a committed result")
                .containsExactlyInAnyOrderElementsOf(requestIds);
        assertThat(topic)
                .as("committed results per request")
                .allSatisfy((id, statuses) -> assertThat(statuses).containsExactly("COMPLETED"));

        Map<String, String> rows = rows(stack);
        assertThat(rows.keySet())
                .as("requests with a video_results row")
                .containsExactlyInAnyOrderElementsOf(requestIds);
        assertThat(rows)
                .as("video_results status per request")
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("COMPLETED"));
    }
}
