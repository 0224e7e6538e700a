package io.reelflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.cli.replay.ReplayPlan;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.ReplayOptions;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReplayCommand}'s job configuration. */
class ReplayCommandTest {
    private static CommandLine line(String... args) {
        Set<String> flags = new HashSet<>(ReplayPlan.FLAGS);
        return CommandLine.parse(args, flags);
    }

    @Test
    void shouldRunABoundedBatchJobOnTheReplaysOwnTopicsGroupAndKeys() {
        CommandLine line =
                line(
                        "replay",
                        "--reelflow.run-id",
                        "r1",
                        "--reelflow.kafka.bootstrap-servers",
                        "kafka:9092",
                        "--from",
                        "archive",
                        "--since",
                        "2026-12-01T00:00:00Z",
                        "--ids",
                        "a,b",
                        "--dry-run");
        Configuration config = ReplayCommand.jobOptions(line);

        assertThat(config.toMap())
                .as("the replay's own flags are not job options")
                .containsOnlyKeys("reelflow.run-id", "reelflow.kafka.bootstrap-servers");

        ReplayCommand.configureJob(config, ReplayPlan.parse(line), Set.of("a"));

        assertThat(config.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(config.get(KafkaOptions.BOUNDED)).isTrue();
        assertThat(config.get(KafkaOptions.GROUP_ID)).isEqualTo("reelflow-replay-r1");
        assertThat(config.get(KafkaOptions.TRANSACTIONAL_ID_PREFIX))
                .isEqualTo("reelflow-replay-r1");
        assertThat(config.get(KafkaOptions.RESULTS_TOPIC)).isEqualTo("reelflow.replay.results");
        assertThat(config.get(KafkaOptions.STATUS_TOPIC)).isEqualTo("reelflow.replay.status");
        assertThat(config.get(KafkaOptions.DEAD_LETTER_TOPIC))
                .isEqualTo("reelflow.replay.dead-letter");
        assertThat(config.get(ReplayOptions.KEY_WITH_RUN_ID)).isTrue();
        assertThat(config.get(ReplayOptions.ARCHIVE_REQUESTS)).isFalse();
        assertThat(config.get(ReplayOptions.FROM)).isEqualTo(ReplayOptions.RequestSource.ARCHIVE);
        assertThat(ReplayOptions.selection(config).toString())
                .isEqualTo("since 2026-12-01T00:00:00Z, 1 id");
    }

    @Test
    void shouldSelectAnyIdWhenNeitherIdsNorStatusesAreNamed() {
        CommandLine line = line("replay", "--reelflow.run-id", "r1");
        Configuration config = ReplayCommand.jobOptions(line);

        ReplayCommand.configureJob(config, ReplayPlan.parse(line), null);

        assertThat(config.getOptional(ReplayOptions.REQUEST_IDS)).isEmpty();
        assertThat(ReplayOptions.selection(config).isAll()).isTrue();
        assertThat(config.get(KafkaOptions.STARTING_OFFSETS)).isEqualTo("earliest");
    }
}
