package io.reelflow.benchmarks.common;

import io.reelflow.cli.local.LocalMode;
import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.kafka.TopicAdmin;
import io.reelflow.embedded.ReelflowServices;
import io.reelflow.embedded.ServicesOptions;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The stack {@code ./reelflow local} runs, for benchmarks of the whole job: embedded Kafka, S3
 * (objects on disk) and PostgreSQL, the reference sidecar as the model server, and the job as
 * {@code ReelflowJob.define} builds it with local mode's configuration, in a local cluster whose
 * REST API the benchmark reads. One stack can run several jobs one after another.
 */
public final class LocalStack implements AutoCloseable {

    private final ReelflowServices services;
    private final ReferenceSidecarServer sidecar;

    private LocalStack(ReelflowServices services, ReferenceSidecarServer sidecar) {
        this.services = services;
        this.sidecar = sidecar;
    }

    /** Starts the services with their data under {@code work}, and the sidecar on a free port. */
    public static LocalStack start(Path work, SidecarOptions sidecarOptions) throws Exception {
        ReelflowServices services =
                ReelflowServices.start(
                        ServicesOptions.builder().dataDirectory(work.resolve("services")).build());
        try {
            return new LocalStack(
                    services, ReferenceSidecarServer.start(sidecarOptions.withPort(0)));
        } catch (Exception e) {
            services.close();
            throw e;
        }
    }

    public ReelflowServices services() {
        return services;
    }

    public ReferenceSidecarServer sidecar() {
        return sidecar;
    }

    /**
     * Local mode's job configuration with {@code overrides} over it, and Flink's REST API on a free
     * loopback port.
     */
    public Configuration jobConfiguration(Map<String, String> overrides) throws Exception {
        Configuration config = LocalMode.jobConfiguration(services, sidecar, overrides);
        int restPort = LocalResources.freePort();
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.PORT, restPort);
        config.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        return config;
    }

    /** The configuration's topics with local mode's partition counts, and the tables. */
    public void prepare(Configuration config) throws Exception {
        TopicAdmin.ensureTopics(
                services.kafkaBootstrapServers(),
                Map.of(
                        config.get(KafkaOptions.REQUESTS_TOPIC), 2,
                        config.get(KafkaOptions.RESULTS_TOPIC), 2,
                        config.get(KafkaOptions.STATUS_TOPIC), 2,
                        config.get(KafkaOptions.DEAD_LETTER_TOPIC), 1));
        JdbcSchema.apply(LocalMode.database(services));
    }

    /** Starts the job in a local cluster of {@code parallelism} and waits until all tasks run. */
    public RunningJob startJob(Configuration config, int parallelism, String name)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        ReelflowJob.define(env, config);
        JobClient client = env.executeAsync(name);
        int restPort = config.get(RestOptions.PORT);
        JobProbe probe =
                new JobProbe(
                        new FlinkRest(URI.create("http://127.0.0.1:" + restPort)),
                        client.getJobID().toHexString());
        RunningJob job = new RunningJob(client, probe);
        try {
            probe.awaitRunning();
        } catch (Exception e) {
            job.close();
            throw e;
        }
        System.out.printf(
                "job %s, Flink REST API on http://127.0.0.1:%d%n",
                client.getJobID().toHexString(), restPort);
        return job;
    }

    /** The job's settings that shape a run, for the JSON: no secrets. */
    public static Map<String, String> describe(Configuration config) {
        Map<String, String> job = new TreeMap<>();
        config.toMap()
                .forEach(
                        (key, value) -> {
                            if ((key.startsWith("reelflow.")
                                            || key.startsWith("execution.checkpointing."))
                                    && !key.contains("secret")
                                    && !key.contains("access-key")
                                    && !key.contains("password")) {
                                job.put(key, value);
                            }
                        });
        job.put("restart-strategy", config.toMap().get("restart-strategy.type"));
        return job;
    }

    /** Sidecar counters without the per-key table, which can hold tens of thousands of lines. */
    public Map<String, Object> sidecarTotals() {
        Map<String, Object> stats = new LinkedHashMap<>(sidecar.stats());
        Object byKey = stats.remove("byContentKey");
        if (byKey instanceof Map<?, ?> keys) {
            stats.put("distinctContentKeys", keys.size());
        }
        return stats;
    }

    @Override
    public void close() throws Exception {
        try {
            sidecar.close();
        } finally {
            services.close();
        }
    }

    /** A job started on the stack; closing cancels it. */
    public record RunningJob(JobClient client, JobProbe probe) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.cancel().get(1, TimeUnit.MINUTES);
                client.getJobExecutionResult().get(1, TimeUnit.MINUTES);
            } catch (ExecutionException | IllegalStateException expected) {
                // The cancellation itself, or a job that had already stopped.
            } catch (Exception e) {
                System.err.println("cancelling the job: " + e);
            }
        }
    }
}
