package io.reelflow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.job.config.ReplayOptions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReelflowJob}. */
class ReelflowJobTest {
    private static final String RESULTS_GUARD =
            "Guard: clean results, dead-letter what video_results refuses";
    private static final String STATUS_GUARD =
            "Guard: clean status, dead-letter what video_status refuses";
    private static final String DEAD_LETTER_COUNTER = "Count dead letters by stage";
    private static final String WEBHOOKS = "Webhooks: POST results to their callbackUrl";
    private static final String WEBHOOK_DEAD_LETTERS =
            "Webhooks: dead-letter what was not delivered";

    @Test
    void shouldPutTheSinkGuardInFrontOfEveryResultAndStatusSink() {
        Configuration config = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        ReelflowJob.define(env, config);
        StreamGraph graph = env.getStreamGraph();

        assertThat(inputsOf(graph, "Kafka: reelflow.results")).containsExactly(RESULTS_GUARD);
        assertThat(inputsOf(graph, "PostgreSQL: video_results")).containsExactly(RESULTS_GUARD);
        assertThat(inputsOf(graph, "Kafka: reelflow.status")).containsExactly(STATUS_GUARD);
        assertThat(inputsOf(graph, "PostgreSQL: video_status")).containsExactly(STATUS_GUARD);
        // The guards' dead letters join those of parsing, and all are counted on their way out.
        assertThat(inputsOf(graph, "Kafka: reelflow.dead-letter"))
                .containsExactly(DEAD_LETTER_COUNTER);
        assertThat(inputsOf(graph, DEAD_LETTER_COUNTER))
                .contains(RESULTS_GUARD, STATUS_GUARD)
                .hasSize(3);
    }

    @Test
    void shouldArchiveAcceptedRequestsUnlessReplaying() {
        Configuration live = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(live);
        ReelflowJob.define(env, live);

        assertThat(inputsOf(env.getStreamGraph(), "PostgreSQL: requests_archive"))
                .containsExactly("Admit each request id once");

        Configuration replay = new Configuration();
        replay.set(ReplayOptions.ARCHIVE_REQUESTS, false);
        replay.set(ReplayOptions.FROM, ReplayOptions.RequestSource.ARCHIVE);
        replay.set(ReplayOptions.REQUEST_IDS, List.of("a", "b"));
        env = StreamExecutionEnvironment.getExecutionEnvironment(replay);
        ReelflowJob.define(env, replay);
        StreamGraph graph = env.getStreamGraph();

        assertThat(inputsOf(graph, "PostgreSQL: requests_archive")).isEmpty();
        assertThat(inputsOf(graph, "Select requests: 2 ids"))
                .singleElement()
                .asString()
                .endsWith("PostgreSQL: requests_archive");
    }

    @Test
    void shouldPostWebhooksFromTheGuardedResultsOnlyWhenASecretIsSet() {
        Configuration off = new Configuration();
        StreamExecutionEnvironment plain = StreamExecutionEnvironment.getExecutionEnvironment(off);
        ReelflowJob.define(plain, off);
        Configuration on = new Configuration();
        on.setString("reelflow.webhook.secret", "whsec-test");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(on);
        ReelflowJob.define(env, on);
        StreamGraph graph = env.getStreamGraph();

        assertThat(plain.getStreamGraph().getStreamNodes())
                .extracting(StreamNode::getOperatorName)
                .noneMatch(name -> name.startsWith("Webhooks"));
        assertThat(inputsOf(graph, WEBHOOKS)).containsExactly(RESULTS_GUARD);
        assertThat(inputsOf(graph, DEAD_LETTER_COUNTER))
                .contains(RESULTS_GUARD, STATUS_GUARD, WEBHOOK_DEAD_LETTERS)
                .hasSize(4);
        assertThat(graph.getStreamNodes())
                .filteredOn(node -> node.getOperatorName().startsWith("Webhooks"))
                .extracting(StreamNode::getTransformationUID)
                .containsExactlyInAnyOrder("deliver-webhooks", "webhook-dead-letters");
    }

    @Test
    void shouldTakeTheOptionsOfReelflowRunWithOrWithoutTheCommand() {
        String[] options = {"--reelflow.run-id", "nightly", "--parallelism.default", "3"};
        String[] withCommand = new String[options.length + 1];
        withCommand[0] = "run";
        System.arraycopy(options, 0, withCommand, 1, options.length);

        for (String[] args : new String[][] {options, withCommand}) {
            Configuration config = ReelflowJob.configurationOf(args);
            assertThat(config.toMap())
                    .containsEntry("reelflow.run-id", "nightly")
                    .containsEntry("parallelism.default", "3")
                    .hasSize(2);
        }
    }

    @Test
    void shouldRefuseCommandsThatBelongToTheCommandLine() {
        // local, publish and replay run on a machine (the cli module), never inside a cluster.
        assertThatThrownBy(() -> ReelflowJob.configurationOf(new String[] {"local"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local");
    }

    /** The operators feeding the sink named {@code sink} (its writer, committer … excluded). */
    private static Set<String> inputsOf(StreamGraph graph, String sink) {
        Set<String> inputs = new TreeSet<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getOperatorName().startsWith(sink)) {
                for (StreamEdge edge : node.getInEdges()) {
                    String input = graph.getStreamNode(edge.getSourceId()).getOperatorName();
                    if (!input.startsWith(sink)) {
                        inputs.add(input);
                    }
                }
            }
        }
        return inputs;
    }
}
