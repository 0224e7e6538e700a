package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.reelflow.job.ReelflowJob;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.schemas.codec.RecordJson;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.sidecar.SidecarOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests for {@link ReelflowJob} as clusters run it: the shaded job jar, uploaded through the REST
 * API to a standalone session cluster whose JobManager and TaskManager are JVMs of their own on
 * Flink's jars alone. The jar's classes load child-first next to Flink's, as in production, so a
 * dependency missing from the jar or clashing with Flink's fails here, though the IDE-style class
 * path of {@code local} and of the MiniCluster tests hides it.
 */
class JobJarOnStandaloneClusterITCase {
    private static final Logger LOG =
            LoggerFactory.getLogger(JobJarOnStandaloneClusterITCase.class);
    private static final int REQUESTS = 2;
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final String[] METASPACE = {
        "Status.JVM.Memory.Metaspace.Used", "Status.JVM.Memory.Metaspace.Max"
    };
    private static final String TASK_MANAGER_METRIC = "flink_taskmanager_job_task_operator_";
    private static final Set<String> TERMINAL_STATES = Set.of("FAILED", "CANCELED", "FINISHED");

    private static CompletableFuture<StandaloneFlinkCluster> starting;
    private static StandaloneFlinkCluster cluster;

    // The cluster takes some 15 s to start: it starts first, the servers meanwhile, and
    // @BeforeAll waits for it.
    @RegisterExtension
    @Order(1)
    static final BeforeAllCallback START_CLUSTER =
            context ->
                    starting =
                            CompletableFuture.supplyAsync(
                                    JobJarOnStandaloneClusterITCase::startCluster);

    @RegisterExtension
    @Order(2)
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(SidecarOptions.defaults().withPort(0));

    @TempDir Path workDir;

    @BeforeAll
    static void awaitCluster() {
        cluster = starting.join();
    }

    private static StandaloneFlinkCluster startCluster() {
        Path target = Path.of("target").toAbsolutePath();
        try {
            return StandaloneFlinkCluster.start(
                    ProjectRoot.find().resolve("flink-conf"),
                    target.resolve("flink-cluster"),
                    target.resolve("flink-cluster-data"));
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        // @AfterAll methods run before the extensions stop: the cluster goes before its servers.
        try (StandaloneFlinkCluster c = starting == null ? null : starting.join()) {
            cluster = null;
        }
    }

    @Test
    void shouldRunTheShadedJobJarSubmittedThroughRestAndCommitResultsAndDeadLetters()
            throws Exception {
        ReelflowStack stack = SERVERS.stack("it-cluster");
        stack.prepare(workDir);
        List<VideoRequest> requests = ShortRequests.of(stack.name, 0, REQUESTS);
        // One request as Avro and a malformed record too: Avro decoding and the dead-letter path
        // load from the jar as well.
        ShortRequests.publish(stack, requests.subList(0, 1));
        VideoRequest avro = requests.get(1);
        stack.kafka.send(
                stack.requestsTopic(), avro.getRequestId(), VideoRequestCodec.toSingleObject(avro));
        RecordMetadata malformed =
                stack.kafka.send(
                        stack.requestsTopic(),
                        // Not a valid request id either, so no REJECTED result is made for it.
                        "malformed record",
                        "{\"requestId\": ".getBytes(StandardCharsets.UTF_8));

        try {
            long started = System.nanoTime();
            String jarId = cluster.uploadJar(jobJar());
            long uploaded = System.nanoTime();
            String job =
                    cluster.run(
                            jarId,
                            ReelflowJob.class.getName(),
                            runArguments(
                                    stack.jobConfiguration(SERVERS.sidecar().baseUri().toString())),
                            StandaloneFlinkCluster.SLOTS);
            long submitted = System.nanoTime();

            long deadline = submitted + DEADLINE.toNanos();
            // The REST server fetches metrics in the background, so the last answer is kept.
            Map<String, String> jobManagerMetaspace = Map.of();
            Map<String, String> taskManagerMetaspace = Map.of();
            while (!CommittedResults.arrived(stack, REQUESTS)
                    || stack.kafka.readAll(stack.deadLetterTopic()).isEmpty()) {
                String state = cluster.jobState(job);
                if (TERMINAL_STATES.contains(state)) {
                    fail("job ended early (%s): %s", state, cluster.exceptions(job));
                }
                assertThat(System.nanoTime())
                        .as("results within %s", DEADLINE)
                        .isLessThan(deadline);
                jobManagerMetaspace =
                        orElse(cluster.jobManagerMetrics(METASPACE), jobManagerMetaspace);
                taskManagerMetaspace =
                        orElse(cluster.taskManagerMetrics(METASPACE), taskManagerMetaspace);
                Thread.sleep(500);
            }
            long done = System.nanoTime();
            assertThat(cluster.jobState(job)).isEqualTo("RUNNING");
            LOG.info(
                    "standalone cluster: upload {} ms, run (main in the JobManager) {} ms, {}"
                            + " results committed {} ms after submission; metaspace (bytes)"
                            + " JobManager {}, TaskManager {}",
                    millis(uploaded - started),
                    millis(submitted - uploaded),
                    REQUESTS,
                    millis(done - submitted),
                    jobManagerMetaspace,
                    taskManagerMetaspace);

            // The reporter flink-conf names, loaded as a plugin, serves the job's own metrics.
            assertThat(cluster.prometheusScrape(TASK_MANAGER_METRIC))
                    .contains(TASK_MANAGER_METRIC + "reelflow_status_results{");

            cluster.cancel(job);
            while (!cluster.jobState(job).equals("CANCELED")) {
                assertThat(System.nanoTime())
                        .as("cancelled within %s", DEADLINE)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        } catch (Throwable e) {
            System.err.println(cluster.logTails());
            throw e;
        }
        CommittedResults.assertEachCompletedExactlyOnce(
                stack, requests.stream().map(VideoRequest::getRequestId).toList());
        List<ConsumerRecord<String, byte[]>> letters = stack.kafka.readAll(stack.deadLetterTopic());
        assertThat(letters).hasSize(1);
        DeadLetter letter = RecordJson.fromJson(letters.get(0).value(), DeadLetter.class);
        assertThat(letter.getSourceTopic()).isEqualTo(stack.requestsTopic());
        assertThat(letter.getSourcePartition()).isEqualTo(malformed.partition());
        assertThat(letter.getSourceOffset()).isEqualTo(malformed.offset());
        assertThat(letter.getReason()).isNotBlank();
    }

    /** The job jar pipeline-job's shade plugin builds in the package phase. */
    private static Path jobJar() {
        Path jar = Path.of(System.getProperty("reelflow.it.job-jar", "(not set)"));
        assertThat(Files.isRegularFile(jar))
                .as("job jar %s (built by `./mvnw package -pl pipeline-job -am`)", jar)
                .isTrue();
        return jar;
    }

    /** {@code run --key value …}: the job's command line, as {@code flink run} passes it. */
    private static List<String> runArguments(Configuration config) {
        List<String> args = new ArrayList<>(List.of("run"));
        config.toMap()
                .forEach(
                        (key, value) -> {
                            args.add("--" + key);
                            args.add(value);
                        });
        return args;
    }

    private static Map<String, String> orElse(
            Map<String, String> metrics, Map<String, String> previous) {
        return metrics.isEmpty() ? previous : metrics;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
