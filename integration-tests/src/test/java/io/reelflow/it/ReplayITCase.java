package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.cli.ReelflowCli;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.sidecar.SidecarOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests for {@code reelflow replay} ({@link io.reelflow.cli.ReplayCommand}) end to end: a live run
 * generates clips and archives its requests; dry runs count what time ranges, ids and statuses
 * select; a replay from the archive under a new run id completes every request on the replay topic
 * and in {@code video_results} without a single new generation submission; the run id is then
 * guarded.
 */
class ReplayITCase {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayITCase.class);
    private static final int REQUESTS = 3;
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @RegisterExtension
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(SidecarOptions.defaults().withPort(0).withSlots(4));

    @TempDir Path workDir;

    @Test
    void shouldReplaySelectedRequestsUnderANewRunIdWithoutSubmittingGenerationAgain()
            throws Exception {
        ReelflowStack stack = SERVERS.stack("it-replay");
        stack.prepare(workDir);
        List<VideoRequest> requests = ShortRequests.of("it-replay", 13, REQUESTS);
        // An hour apart, so that time ranges can tell them apart.
        Instant first = Instant.now().minus(3, ChronoUnit.HOURS);
        for (int i = 0; i < REQUESTS; i++) {
            stack.kafka.send(
                    stack.requestsTopic(),
                    requests.get(i).getRequestId(),
                    VideoRequestCodec.toJson(requests.get(i)),
                    first.plus(i, ChronoUnit.HOURS));
        }
        Configuration live = stack.jobConfiguration(SERVERS.sidecar().baseUri().toString());
        ReelflowStack.runJobUntil(
                live, 2, DEADLINE, () -> CommittedResults.arrived(stack, REQUESTS));
        long liveSubmissions = SERVERS.sidecarCount("submissions");
        assertThat(liveSubmissions)
                .as("the live run generated its clips")
                .isGreaterThanOrEqualTo(REQUESTS);
        assertThat(archivedIds(stack))
                .containsExactlyInAnyOrder("it-replay-0", "it-replay-1", "it-replay-2");

        String[] job = options(live);
        // --since is inclusive and --until exclusive: the middle request alone.
        assertThat(
                        replay(
                                job,
                                "--dry-run",
                                "--since",
                                first.plus(1, ChronoUnit.HOURS).toString(),
                                "--until",
                                first.plus(2, ChronoUnit.HOURS).toString()))
                .contains("  selected     1 record, 1 request")
                .contains("  status in it-replay: COMPLETED 1")
                .contains("nothing was run");
        assertThat(replay(job, "--dry-run", "--ids", "it-replay-0,it-replay-2,elsewhere"))
                .contains("  selected     2 records, 2 requests");
        assertThat(replay(job, "--dry-run", "--only", "FAILED"))
                .contains("  selected     0 records, 0 requests");
        assertThat(replay(job, "--dry-run", "--only", "COMPLETED", "--from", "archive"))
                .contains("  selected     3 records, 3 requests")
                .contains("  language     en 3");
        assertThat(results(stack, "it-replay-a")).as("a dry run runs nothing").isEmpty();

        String summary =
                replay(
                        job,
                        "--reelflow.run-id",
                        "it-replay-a",
                        "--from",
                        "archive",
                        "--only",
                        "COMPLETED");
        LOG.info("replay summary:\n{}", summary);
        assertThat(summary)
                .contains("replay it-replay-a: from archive, only COMPLETED in run it-replay")
                .contains("  results      COMPLETED 3")
                .contains("  missing      0 of 3 selected requests have no result");
        assertThat(SERVERS.sidecarCount("submissions"))
                .as("submissions after the replay; %s", SERVERS.sidecar().stats())
                .isEqualTo(liveSubmissions);
        assertThat(results(stack, "it-replay-a"))
                .containsOnlyKeys("it-replay-0", "it-replay-1", "it-replay-2")
                .containsValues("COMPLETED");

        Map<String, VideoResult> onReplayTopic = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : stack.kafka.readAll(replayTopic(stack))) {
            onReplayTopic.put(record.key(), RecordJson.fromJson(record.value(), VideoResult.class));
        }
        assertThat(onReplayTopic)
                .containsOnlyKeys(
                        "it-replay-a/it-replay-0",
                        "it-replay-a/it-replay-1",
                        "it-replay-a/it-replay-2")
                .allSatisfy(
                        (key, result) -> {
                            assertThat(result.getStatus()).isEqualTo(ResultStatus.COMPLETED);
                            assertThat(result.getRunId()).isEqualTo("it-replay-a");
                        });
        assertThat(CommittedResults.onTopic(stack))
                .as("the live topic has only the live results")
                .hasSize(REQUESTS);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, job, "--reelflow.run-id", "it-replay-a", "--from", "archive"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("run id 'it-replay-a' was used before (3 results");

        // From Kafka this time, between two timestamps, over the earlier replay of the same id.
        String overwritten =
                replay(
                        job,
                        "--reelflow.run-id",
                        "it-replay-a",
                        "--overwrite",
                        "--since",
                        first.plus(1, ChronoUnit.HOURS).toString(),
                        "--until",
                        first.plus(2, ChronoUnit.HOURS).toString());
        LOG.info("replay summary:\n{}", overwritten);
        assertThat(overwritten).contains("  results      COMPLETED 1");
        assertThat(results(stack, "it-replay-a")).containsOnlyKeys("it-replay-1");
        assertThat(SERVERS.sidecarCount("submissions")).isEqualTo(liveSubmissions);
        LOG.info(
                "generation submissions: {} in the live run, {} in two replays",
                liveSubmissions,
                SERVERS.sidecarCount("submissions") - liveSubmissions);
        assertThat(run(err, job, "--reelflow.run-id", "it-replay", "--overwrite")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("never runs under the live run id");
        assertThat(replay(job, "--list"))
                .contains("it-replay-a  started")
                .contains("selected 1  {\"COMPLETED\": 1}");
    }

    private static String replayTopic(ReelflowStack stack) {
        return stack.name + ".replay.results";
    }

    /** The stack's job options as command-line options, for its replays. */
    private static String[] options(Configuration live) {
        List<String> args = new ArrayList<>();
        live.toMap()
                .forEach(
                        (key, value) -> {
                            args.add("--" + key);
                            args.add(value);
                        });
        String name = live.get(io.reelflow.job.config.PipelineOptions.RUN_ID);
        for (String[] option :
                new String[][] {
                    {ReplayOptions.LIVE_RUN_ID.key(), name},
                    {ReplayOptions.RESULTS_TOPIC.key(), name + ".replay.results"},
                    {ReplayOptions.STATUS_TOPIC.key(), name + ".replay.status"},
                    {ReplayOptions.DEAD_LETTER_TOPIC.key(), name + ".replay.dead-letter"}
                }) {
            args.add("--" + option[0]);
            args.add(option[1]);
        }
        return args.toArray(new String[0]);
    }

    /** Runs {@code reelflow replay} and returns what it printed; it must succeed. */
    private static String replay(String[] job, String... flags) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit =
                ReelflowCli.run(
                        arguments(job, flags),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("exit code; %s", err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int run(ByteArrayOutputStream err, String[] job, String... flags)
            throws Exception {
        return ReelflowCli.run(
                arguments(job, flags),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** {@code replay}, the job's options, then the flags (a later option wins). */
    private static String[] arguments(String[] job, String... flags) {
        String[] args = new String[1 + job.length + flags.length];
        args[0] = "replay";
        System.arraycopy(job, 0, args, 1, job.length);
        System.arraycopy(flags, 0, args, 1 + job.length, flags.length);
        return args;
    }

    private static List<String> archivedIds(ReelflowStack stack) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection sql = stack.sql();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "SELECT request_id FROM requests_archive WHERE run_id = ?")) {
            statement.setString(1, stack.name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, String> results(ReelflowStack stack, String runId) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection sql = stack.sql();
                PreparedStatement statement =
                        sql.prepareStatement(
                                "SELECT request_id, status FROM video_results WHERE run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rows;
    }
}
