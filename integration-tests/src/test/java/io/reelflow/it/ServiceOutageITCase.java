package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.embedded.EmbeddedKafkaBroker;
import io.reelflow.embedded.EmbeddedPostgresServer;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.StorageOptions;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.sidecar.SidecarOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests for {@link ReelflowJob} when a service it writes to fails while requests are in flight: the
 * Kafka broker restarts, PostgreSQL is down for 20 s, S3 answers 503 for 20 s. The test only starts
 * and ends the fault; the job must recover by itself, and every request must end with exactly one
 * committed COMPLETED result on the results topic and exactly one COMPLETED row.
 */
class ServiceOutageITCase {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceOutageITCase.class);
    private static final int REQUESTS = 4;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);
    // Clips take this long on the fake GPU, so the fault starts while every request is generating.
    private static final Duration CLIP_TIME = Duration.ofSeconds(3);
    private static final Duration DEADLINE = Duration.ofMinutes(3);
    // Checkpoints (1 s apart) that must pass after the last result, in case one came twice.
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @RegisterExtension
    static final EmbeddedServers SERVERS =
            EmbeddedServers.withSidecar(
                    SidecarOptions.defaults()
                            .withPort(0)
                            .withSlots(2 * REQUESTS)
                            .withJobTime(CLIP_TIME));

    @TempDir Path workDir;

    @Test
    void shouldCommitEveryResultOnceWhenTheKafkaBrokerRestartsMidRun() throws Exception {
        EmbeddedKafkaBroker kafka = SERVERS.services().embeddedKafka();
        runThroughFault(
                "it-kafka-restart",
                0,
                config -> {},
                () -> {
                    kafka.stop();
                    Thread.sleep(BROKER_DOWN.toMillis());
                    kafka.restart();
                });
    }

    @Test
    void shouldCommitEveryResultOnceWhenPostgresIsDownFor20Seconds() throws Exception {
        EmbeddedPostgresServer postgres = SERVERS.services().embeddedPostgres();
        runThroughFault(
                "it-postgres-down",
                REQUESTS,
                config -> {},
                () -> {
                    postgres.stop();
                    Thread.sleep(OUTAGE.toMillis());
                    postgres.restart();
                });
    }

    @Test
    void shouldCompleteEveryRequestWhenS3Answers503For20Seconds() throws Exception {
        try (FaultyS3Proxy s3 = FaultyS3Proxy.start(URI.create(SERVERS.services().s3Endpoint()))) {
            runThroughFault(
                    "it-s3-slowdown",
                    2 * REQUESTS,
                    config -> config.set(StorageOptions.ENDPOINT, s3.endpoint().toString()),
                    () -> {
                        s3.startOutage();
                        Thread.sleep(OUTAGE.toMillis());
                        s3.endOutage();
                    });
            assertThat(s3.refusedRequests()).as("requests answered 503").isPositive();
        }
    }

    /**
     * Runs {@link #REQUESTS} requests and injects {@code fault} once each of them has a clip on the
     * fake GPU; then waits for the results without touching the job, and checks them.
     */
    private void runThroughFault(
            String name, int firstSubject, Consumer<Configuration> configure, Fault fault)
            throws Exception {
        ReelflowStack stack = SERVERS.stack(name);
        stack.prepare(workDir);
        List<VideoRequest> requests = ShortRequests.of(name, firstSubject, REQUESTS);
        ShortRequests.publish(stack, requests);
        Configuration config =
                stack.recoveringJobConfiguration(SERVERS.sidecar().baseUri().toString());
        configure.accept(config);
        long submittedBefore = SERVERS.sidecarCount("submissions");

        // A cluster per test: a fault that kills a task manager must not leave the next test
        // without one.
        try (ReelflowCluster cluster = ReelflowCluster.start()) {
            JobID job = cluster.submit(config);
            waitFor(
                    cluster,
                    job,
                    () -> SERVERS.sidecarCount("submissions") - submittedBefore >= REQUESTS);
            assertThat(CommittedResults.onTopic(stack)).as("results before the fault").isEmpty();
            long faultStarted = System.nanoTime();
            fault.inject();
            long faultEnded = System.nanoTime();
            int duringFault = CommittedResults.onTopic(stack).size();
            waitFor(cluster, job, () -> CommittedResults.arrived(stack, REQUESTS));
            long recovered = System.nanoTime();
            Thread.sleep(SETTLE.toMillis());

            assertThat(cluster.status(job)).isEqualTo(JobStatus.RUNNING);
            LOG.info(
                    "{}: fault lasted {} ms; {} results committed when it ended, all {} {} ms"
                            + " after it ended; {} job failures",
                    name,
                    millis(faultEnded - faultStarted),
                    duringFault,
                    REQUESTS,
                    millis(recovered - faultEnded),
                    cluster.failures(job));
            cluster.cancel(job);
        }
        CommittedResults.assertEachCompletedExactlyOnce(
                stack, requests.stream().map(VideoRequest::getRequestId).toList());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void waitFor(ReelflowCluster cluster, JobID job, Condition condition)
            throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.holds()) {
            assertThat(cluster.status(job).isGloballyTerminalState())
                    .as("job ended: %s", cluster.status(job))
                    .isFalse();
            assertThat(System.nanoTime()).as("done within %s", DEADLINE).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** A fault the test injects and ends; the job gets no other help. */
    @FunctionalInterface
    private interface Fault {
        void inject() throws Exception;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
