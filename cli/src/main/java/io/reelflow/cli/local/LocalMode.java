package io.reelflow.cli.local;

import io.reelflow.cli.CommandLine;
import io.reelflow.cli.PublishCommand;
import io.reelflow.connectors.catalog.JdbcAssetCatalog;
import io.reelflow.connectors.generation.ComfyUiClient;
import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.connectors.kafka.TopicAdmin;
import io.reelflow.connectors.s3.S3ObjectStore;
import io.reelflow.connectors.s3.S3Settings;
import io.reelflow.embedded.ReelflowServices;
import io.reelflow.embedded.ServiceEndpoints;
import io.reelflow.embedded.ServicesOptions;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.ControlOptions;
import io.reelflow.job.config.DatabaseOptions;
import io.reelflow.job.config.GenerationOptions;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.NarrationOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.job.config.StorageOptions;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.schemas.VideoRequest;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarMode;
import io.reelflow.sidecar.SidecarOptions;
import io.reelflow.sidecar.SpeechEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code reelflow local}: the whole product on one machine. Starts Kafka, S3, PostgreSQL and the
 * reference sidecar in this JVM, runs the job with the Flink web UI, publishes the samples, and
 * reports each video as it completes. Every server listens on loopback only, and the S3 secret key
 * is written to an owner-only connection file, never to the console.
 */
public final class LocalMode {
    private static final Duration SAMPLE_DEADLINE = Duration.ofMinutes(15);

    /** Where every server of local mode listens: reachable from this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    /** In the data directory: the options that point other commands at this stack. */
    static final String CONNECTION_FILE = "connection.args";

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private static final String METRICS_PORT = "metrics-port";

    /** The run id of local mode's job. */
    static final String RUN_ID = "local";

    private LocalMode() {}

    public static int run(CommandLine line, PrintStream out) throws Exception {
        Path dataDir = Path.of(line.option("data-dir", ".local")).toAbsolutePath();
        Path examples = Path.of(line.option("examples", "examples"));
        int webUiPort = line.intOption("web-ui-port", 8081);
        int parallelism = line.intOption("parallelism", 2);
        ServicesOptions servicesOptions =
                ServicesOptions.local(dataDir).toBuilder()
                        .kafkaPort(line.intOption("kafka-port", ServicesOptions.LOCAL_KAFKA_PORT))
                        .postgresPort(
                                line.intOption(
                                        "postgres-port", ServicesOptions.LOCAL_POSTGRES_PORT))
                        .s3Port(line.intOption("s3-port", ServicesOptions.LOCAL_S3_PORT))
                        .build();

        List<VideoRequest> samples = readSamples(examples);
        // The sidecar, the demo library and the job all run FFmpeg in this JVM.
        FfmpegLogging.install();
        out.printf(
                "Starting Kafka, PostgreSQL, S3 and the reference sidecar (data in %s) ...%n",
                dataDir);
        try (ReelflowServices services = ReelflowServices.start(servicesOptions);
                ReferenceSidecarServer sidecar =
                        ReferenceSidecarServer.start(
                                sidecarOptions(
                                        line.intOption("sidecar-port", 8090),
                                        SidecarMode.parse(
                                                line.option(
                                                        "generation-protocol",
                                                        SidecarMode.VIDEO_JOBS.optionValue()))))) {
            Configuration config = jobConfiguration(services, sidecar, line.options());
            keepLocal(config, webUiPort);
            OptionalInt metricsPort = metricsPort(line);
            metricsPort.ifPresent(port -> exposeMetrics(config, port));
            prepare(services, config, dataDir);
            Path connection = writeConnectionArgs(services, dataDir);
            printEndpoints(out, services, sidecar, webUiPort, connection);
            metricsPort.ifPresent(
                    port ->
                            out.printf(
                                    "  Prometheus     http://localhost:%d/metrics  (every"
                                            + " interface: Flink's reporter has no bind address)%n",
                                    port));
            out.printf(
                    "Other commands reach this stack with $(cat %s), e.g. ./reelflow assets"
                            + " import <folder> $(cat %s)%n",
                    connection, connection);

            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(config);
            env.setParallelism(parallelism);
            ReelflowJob.define(env, config);
            JobClient job = env.executeAsync("Reelflow (local)");
            out.printf("Job %s running; web UI on %s%n", job.getJobID(), webUi(webUiPort));

            PublishCommand.publish(
                    services.kafkaBootstrapServers(),
                    config.get(KafkaOptions.REQUESTS_TOPIC),
                    samples,
                    false);
            out.printf("Published %d sample requests from %s%n", samples.size(), examples);

            ResultsWatcher watcher =
                    new ResultsWatcher(database(services), config.get(PipelineOptions.RUN_ID));
            List<String> ids =
                    samples.stream().map(VideoRequest::getRequestId).collect(Collectors.toList());
            List<ResultsWatcher.Row> rows =
                    watcher.awaitTerminal(
                            ids,
                            SAMPLE_DEADLINE,
                            () -> !job.getJobStatus().get().isGloballyTerminalState(),
                            row -> out.println("  " + row.progressLine()));
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                out.printf("The job stopped: %s (see the log above)%n", job.getJobStatus().get());
                return 1;
            }
            Path report = dataDir.resolve("last-run.json");
            watcher.writeReport(rows, ids, report);
            SummaryTable.print(out, rows, ids, dataDir.resolve(ReelflowServices.S3_DIRECTORY));
            out.printf("Report with every result and status row: %s%n", report);
            boolean allCompleted =
                    rows.size() == ids.size()
                            && rows.stream().allMatch(ResultsWatcher.Row::completed);

            if (line.flag("exit-when-done")) {
                cancelAndWait(job);
                return allCompleted ? 0 : 1;
            }
            out.println(
                    "Still running: publish more requests (see README), watch the web UI. Ctrl-C to stop.");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> out.println("Stopping ...")));
            job.getJobExecutionResult().get();
            return 0;
        }
    }

    /** Cancels the job and waits until its sinks are closed, before the servers go away. */
    private static void cancelAndWait(JobClient job) throws Exception {
        job.cancel().get();
        try {
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | IllegalStateException cancelled) {
            // The expected ending: the result future fails with the cancellation, or the local
            // cluster has already shut down after the job ended.
        }
    }

    private static List<VideoRequest> readSamples(Path examples) throws Exception {
        if (!Files.isDirectory(examples)) {
            throw new IllegalArgumentException(
                    "no sample directory " + examples + " (set --examples)");
        }
        List<VideoRequest> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".json"))
                            .sorted()
                            .collect(Collectors.toList())) {
                samples.addAll(PublishCommand.readRequests(file));
            }
        }
        return samples;
    }

    /**
     * Writes the options that point a command ({@code assets import}, {@code publish}, {@code run})
     * at this stack as one line of {@code --key value} pairs, readable by the owner only: it holds
     * the S3 secret key, which changes every start.
     */
    static Path writeConnectionArgs(ServiceEndpoints services, Path dataDir) throws IOException {
        Map<String, String> values = connection(services);
        // An empty password has no value to pass; the option's default is empty too.
        values.remove(DatabaseOptions.PASSWORD.key());
        // So that `replay --only FAILED` and `status` look at this stack's run, not "live".
        values.put(ReplayOptions.LIVE_RUN_ID.key(), RUN_ID);
        StringBuilder line = new StringBuilder();
        values.forEach(
                (key, value) ->
                        line.append("--").append(key).append(' ').append(value).append(' '));
        Path file = Files.createDirectories(dataDir).resolve(CONNECTION_FILE);
        writeOwnerOnly(file, line.toString().strip() + "\n");
        return file;
    }

    /**
     * Writes {@code text} to a new file created with rw------- (so the secret is never readable by
     * others, not even before a chmod) and moves it over {@code file}, replacing a file of an
     * earlier run whatever its permissions. File systems without POSIX permissions keep their own.
     */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        FileAttribute<?>[] ownerOnly =
                directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                        : new FileAttribute<?>[0];
        Path temporary =
                Files.createTempFile(directory, file.getFileName() + ".", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, text);
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The options that point at the local Kafka, S3 and PostgreSQL. */
    private static Map<String, String> connection(ServiceEndpoints services) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(KafkaOptions.BOOTSTRAP_SERVERS.key(), services.kafkaBootstrapServers());
        values.put(StorageOptions.ENDPOINT.key(), services.s3Endpoint());
        values.put(StorageOptions.REGION.key(), services.s3Region());
        values.put(StorageOptions.BUCKET.key(), services.s3Bucket());
        values.put(StorageOptions.ACCESS_KEY.key(), services.s3AccessKey());
        values.put(StorageOptions.SECRET_KEY.key(), services.s3SecretKey());
        values.put(DatabaseOptions.URL.key(), services.jdbcUrl());
        values.put(DatabaseOptions.USER.key(), services.jdbcUser());
        values.put(DatabaseOptions.PASSWORD.key(), services.jdbcPassword());
        return values;
    }

    /**
     * The job's configuration, pointing at the local servers; {@code overrides} win. Public for the
     * burst benchmark, which runs the job as local mode does.
     */
    public static Configuration jobConfiguration(
            ServiceEndpoints services,
            ReferenceSidecarServer sidecar,
            Map<String, String> overrides) {
        Map<String, String> values = connection(services);
        values.putAll(generation(sidecar));
        // The reference sidecar speaks too (espeak-ng): narrated samples are heard.
        values.put(NarrationOptions.URL.key(), sidecar.baseUri().toString());
        values.put(PipelineOptions.RUN_ID.key(), RUN_ID);
        values.put(PipelineOptions.CHECKPOINT_INTERVAL.key(), "2 s");
        // As on a cluster (flink-conf/config.yaml), scaled to one machine: a local checkpoint that
        // takes a minute is stuck. Within the result sink's transaction timeout (checked at start).
        values.put(CheckpointingOptions.CHECKPOINTING_TIMEOUT.key(), "1 min");
        values.put(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER.key(), "3");
        // As on a cluster: with a backlog queued in front of the render stage, an aligned barrier
        // waits behind it for minutes (a 500-request burst saw a 334 s checkpoint, a 3,000 one
        // expired them and failed over); unaligned barriers overtake the queue.
        values.put(CheckpointingOptions.ENABLE_UNALIGNED.key(), "true");
        values.put(PipelineOptions.RENDER_THREADS.key(), "2");
        // Ride through an outage of a service (about 3 min of backoff), but a broken local job
        // stops and says why instead of restarting forever.
        values.put(RestartStrategyOptions.RESTART_STRATEGY.key(), "exponential-delay");
        values.put(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF.key(),
                "1 s");
        values.put(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF.key(),
                "30 s");
        values.put(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS.key(), "10");
        values.putAll(overrides);
        return Configuration.fromMap(values);
    }

    private static void prepare(ReelflowServices services, Configuration config, Path dataDir)
            throws Exception {
        TopicAdmin.ensureTopics(
                services.kafkaBootstrapServers(),
                Map.of(
                        config.get(KafkaOptions.REQUESTS_TOPIC), 2,
                        config.get(KafkaOptions.RESULTS_TOPIC), 2,
                        config.get(KafkaOptions.STATUS_TOPIC), 2,
                        config.get(KafkaOptions.DEAD_LETTER_TOPIC), 1,
                        config.get(ControlOptions.TOPIC), 1));
        installDemoLibrary(services, dataDir);
    }

    /** The local PostgreSQL, as the job and the commands reach it. Public for the benchmarks. */
    public static JdbcSettings database(ServiceEndpoints services) {
        return JdbcSettings.of(services.jdbcUrl(), services.jdbcUser(), services.jdbcPassword());
    }

    /** The local S3 API, path-style. Public for the benchmarks. */
    public static S3Settings storage(ServiceEndpoints services) {
        return new S3Settings(
                services.s3Endpoint(),
                services.s3Region(),
                services.s3Bucket(),
                services.s3AccessKey(),
                services.s3SecretKey(),
                true);
    }

    /**
     * Local mode's stock library: creates the tables that are missing, draws the demo library under
     * {@code dataDir} and imports it into the local catalog and bucket. Public for the end-to-end
     * benchmark, which starts from the same library.
     *
     * @return the catalog after the import
     */
    public static List<CatalogAsset> installDemoLibrary(ServiceEndpoints services, Path dataDir)
            throws SQLException, IOException {
        JdbcSettings database = database(services);
        JdbcSchema.apply(database);
        try (ObjectStore store = S3ObjectStore.factory(storage(services)).create()) {
            return DemoAssetLibrary.install(
                    store, new JdbcAssetCatalog(database), dataDir.resolve("demo-assets"));
        } catch (IOException e) {
            throw new IOException("Could not install the demo asset library", e);
        }
    }

    /**
     * Binds Flink's REST API and web UI, and its blob server, to loopback and turns jar uploads
     * off: the web UI of local mode is for watching this job, not for running others. Applied after
     * the command line's options, so none of them opens the cluster to the network.
     */
    static void keepLocal(Configuration config, int webUiPort) {
        config.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        config.set(RestOptions.ADDRESS, LOOPBACK);
        config.set(RestOptions.PORT, webUiPort);
        config.set(WebOptions.SUBMIT_ENABLE, false);
        // The blob server (jars and large messages between JobManager and TaskManagers) binds
        // here; it would listen on every interface otherwise.
        config.set(JobManagerOptions.BIND_HOST, LOOPBACK);
    }

    private static OptionalInt metricsPort(CommandLine line) {
        return line.options().containsKey(METRICS_PORT)
                ? OptionalInt.of(line.intOption(METRICS_PORT, 0))
                : OptionalInt.empty();
    }

    /**
     * Flink's Prometheus reporter on {@code port}, for the dashboard in {@code
     * k8s-operator/monitoring}. Only when {@code --metrics-port} asks for it: the reporter of Flink
     * 2.2 listens on every interface, and local mode otherwise keeps to loopback.
     */
    static void exposeMetrics(Configuration config, int port) {
        config.setString(
                "metrics.reporter.prom.factory.class", PrometheusReporterFactory.class.getName());
        config.setString("metrics.reporter.prom.port", Integer.toString(port));
    }

    /** The reference sidecar on loopback, two jobs at a time, speaking {@code mode} by default. */
    static SidecarOptions sidecarOptions(int port, SidecarMode mode) {
        return SidecarOptions.defaults()
                .withHost(LOOPBACK)
                .withPort(port)
                .withMode(mode)
                .withSlots(2);
    }

    /**
     * The job's one model server: the reference sidecar in the protocol it was started with, as a
     * user's own server would be configured (an image model for {@code images}, the shipped Wan
     * workflow template for {@code comfyui}).
     */
    static Map<String, String> generation(ReferenceSidecarServer sidecar) {
        String endpoint = "reelflow.generation.endpoint.sidecar.";
        String model = "reelflow.generation.model.reference.";
        Map<String, String> values = new LinkedHashMap<>();
        values.put(GenerationOptions.ENDPOINTS.key(), "sidecar");
        values.put(endpoint + "url", sidecar.baseUri().toString());
        values.put(endpoint + "protocol", sidecar.protocol());
        values.put(endpoint + "slots", Integer.toString(sidecar.options().slots()));
        if (sidecar.options().mode() == SidecarMode.COMFYUI) {
            values.put(endpoint + "workflow", ComfyUiClient.WAN22_T2V_TEMPLATE);
        }
        values.put(GenerationOptions.MODELS.key(), "reference");
        values.put(model + "endpoints", "sidecar");
        values.put(
                model + "kind", sidecar.options().mode() == SidecarMode.IMAGES ? "image" : "video");
        // The demo generator answers in seconds; a job still stuck after a minute is lost.
        values.put(model + "job-deadline", "1 min");
        values.put(model + "poll-interval", "500 ms");
        return values;
    }

    /**
     * Prints where each service listens; the S3 keys are only named by the file that holds them, so
     * a shared screen or a pasted log gives nothing away.
     */
    static void printEndpoints(
            PrintStream out,
            ServiceEndpoints services,
            ReferenceSidecarServer sidecar,
            int webUiPort,
            Path connection) {
        out.println("Local endpoints (reachable from this machine only):");
        out.printf("  Kafka          %s%n", services.kafkaBootstrapServers());
        out.printf(
                "  S3 API         %s  bucket %s  keys in %s (readable by you only)%n",
                services.s3Endpoint(), services.s3Bucket(), connection);
        out.printf("  PostgreSQL     %s  user %s%n", services.jdbcUrl(), services.jdbcUser());
        out.printf("  Sidecar        %s  (%s)%n", sidecar.baseUri(), sidecar.generator());
        out.printf("  Speech         %s%n", speech(sidecar));
        out.printf("  Flink web UI   %s%n", webUi(webUiPort));
    }

    /**
     * Which espeak-ng speaks on the sidecar's {@code /v1/audio/speech}, or that narration will be
     * skipped and how to install it; the program is looked for here, so the answer is known at
     * start.
     */
    static String speech(ReferenceSidecarServer sidecar) {
        SpeechEngine.Status status = sidecar.speechEngine().status();
        if (status.available()) {
            return status.description() + " at " + sidecar.baseUri().resolve("v1/audio/speech");
        }
        return "none: narration will be skipped. "
                + status.problem()
                + " (Debian/Ubuntu; brew install espeak-ng on macOS)";
    }

    private static String webUi(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }
}
