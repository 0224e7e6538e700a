package io.reelflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.connectors.catalog.AssetDescription;
import io.reelflow.connectors.catalog.AssetDescriptions;
import io.reelflow.connectors.catalog.AssetImporter;
import io.reelflow.connectors.catalog.ImportReport;
import io.reelflow.connectors.catalog.JdbcAssetCatalog;
import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.connectors.kafka.TopicAdmin;
import io.reelflow.connectors.s3.S3ObjectStore;
import io.reelflow.connectors.s3.S3Settings;
import io.reelflow.embedded.ReelflowServices;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.config.ControlOptions;
import io.reelflow.job.config.DatabaseOptions;
import io.reelflow.job.config.GenerationOptions;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.StorageOptions;
import io.reelflow.operators.port.ObjectStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One test's slice of the shared servers: its own topics, run id and catalog, so tests in one JVM
 * do not see each other's records.
 */
final class ReelflowStack {
    static final String LIGHTHOUSE_ASSET = "lighthouse-photo";

    final ReelflowServices services;
    final String name;
    final KafkaTopics kafka;

    ReelflowStack(ReelflowServices services, String name) {
        this.services = services;
        this.name = name;
        this.kafka = new KafkaTopics(services.kafkaBootstrapServers());
    }

    String requestsTopic() {
        return name + ".requests";
    }

    String resultsTopic() {
        return name + ".results";
    }

    String statusTopic() {
        return name + ".status";
    }

    String deadLetterTopic() {
        return name + ".dead-letter";
    }

    String controlTopic() {
        return name + ".control";
    }

    JdbcSettings database() {
        return JdbcSettings.of(services.jdbcUrl(), services.jdbcUser(), services.jdbcPassword());
    }

    S3Settings storage() {
        return new S3Settings(
                services.s3Endpoint(),
                services.s3Region(),
                services.s3Bucket(),
                services.s3AccessKey(),
                services.s3SecretKey(),
                true);
    }

    ObjectStore objectStore() {
        return S3ObjectStore.factory(storage()).create();
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(
                services.jdbcUrl(), services.jdbcUser(), services.jdbcPassword());
    }

    /** Topics, tables and a one-photo catalog (a drawn lighthouse, tagged so). */
    void prepare(Path workDir) throws Exception {
        TopicAdmin.ensureTopics(
                services.kafkaBootstrapServers(),
                Map.of(
                        requestsTopic(),
                        2,
                        resultsTopic(),
                        2,
                        statusTopic(),
                        2,
                        deadLetterTopic(),
                        1,
                        controlTopic(),
                        1));
        JdbcSchema.apply(database());
        Path photos = Files.createDirectories(workDir.resolve("photos"));
        Path photo = photos.resolve("lighthouse.jpg");
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 30, 80));
        g.fillRect(0, 0, 800, 600);
        g.setColor(Color.WHITE);
        g.fillRect(370, 150, 60, 350);
        g.setColor(Color.YELLOW);
        g.fillOval(360, 110, 80, 60);
        g.dispose();
        ImageIO.write(image, "jpg", photo.toFile());
        importAssets(
                photos,
                Map.of(
                        "lighthouse.jpg",
                        new AssetDescription(
                                LIGHTHOUSE_ASSET,
                                "Lighthouse",
                                "A lighthouse on a cliff at night",
                                List.of("lighthouse", "cliff", "night"),
                                "en",
                                "CC0-1.0",
                                "Test Author",
                                null)));
    }

    /**
     * Imports the files of {@code folder} into the catalog as users fill it: by the importer, into
     * the asset_catalog table (shared by every stack of the JVM, so give assets words of their
     * own).
     */
    void importAssets(Path folder, Map<String, AssetDescription> descriptions) throws Exception {
        try (ObjectStore store = objectStore()) {
            ImportReport report =
                    AssetImporter.builder()
                            .catalog(new JdbcAssetCatalog(database()))
                            .objectStore(store)
                            .descriptions(AssetDescriptions.of(descriptions))
                            .build()
                            .importFolder(folder);
            if (report.hasRejections()) {
                throw new IllegalStateException("test assets rejected: " + report.summary());
            }
        }
    }

    /** The job's configuration against this stack: unbounded, as in production. */
    Configuration jobConfiguration(String sidecarUrl) {
        Configuration config = new Configuration();
        config.set(KafkaOptions.BOOTSTRAP_SERVERS, services.kafkaBootstrapServers());
        config.set(KafkaOptions.REQUESTS_TOPIC, requestsTopic());
        config.set(KafkaOptions.RESULTS_TOPIC, resultsTopic());
        config.set(KafkaOptions.STATUS_TOPIC, statusTopic());
        config.set(KafkaOptions.DEAD_LETTER_TOPIC, deadLetterTopic());
        config.set(ControlOptions.TOPIC, controlTopic());
        config.set(KafkaOptions.GROUP_ID, name);
        config.set(KafkaOptions.TRANSACTIONAL_ID_PREFIX, name);
        config.set(KafkaOptions.STARTING_OFFSETS, "earliest");
        config.set(StorageOptions.ENDPOINT, services.s3Endpoint());
        config.set(StorageOptions.REGION, services.s3Region());
        config.set(StorageOptions.BUCKET, services.s3Bucket());
        config.set(StorageOptions.ACCESS_KEY, services.s3AccessKey());
        config.set(StorageOptions.SECRET_KEY, services.s3SecretKey());
        config.set(DatabaseOptions.URL, services.jdbcUrl());
        config.set(DatabaseOptions.USER, services.jdbcUser());
        config.set(DatabaseOptions.PASSWORD, services.jdbcPassword());
        config.set(GenerationOptions.URL, sidecarUrl);
        config.set(GenerationOptions.POLL_INTERVAL, java.time.Duration.ofMillis(200));
        config.set(GenerationOptions.JOB_DEADLINE, java.time.Duration.ofMinutes(1));
        config.set(GenerationOptions.QUEUE_ALLOWANCE, java.time.Duration.ofMinutes(2));
        config.set(PipelineOptions.RUN_ID, name);
        config.set(PipelineOptions.MAX_TEXT_CHARS, 2_000);
        config.set(PipelineOptions.RENDER_THREADS, 1);
        config.set(PipelineOptions.CHECKPOINT_INTERVAL, java.time.Duration.ofSeconds(1));
        // A failure must fail the test, not restart the job until the test times out.
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return config;
    }

    /**
     * The job's configuration for failure tests: it restarts from its last checkpoint with
     * exponentially growing delays, as {@code flink-conf} configures production, only with shorter
     * backoffs. The deadline of the test bounds the attempts.
     */
    Configuration recoveringJobConfiguration(String sidecarUrl) {
        Configuration config = jobConfiguration(sidecarUrl);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                java.time.Duration.ofMillis(500));
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                java.time.Duration.ofSeconds(4));
        return config;
    }

    /**
     * Runs the (unbounded) job defined by {@code config} until {@code done} holds, checks it is
     * still running — bad input and failing services must not stop it — and cancels it.
     */
    static void runJobUntil(
            Configuration config,
            int parallelism,
            java.time.Duration deadline,
            Callable<Boolean> done)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        ReelflowJob.define(env, config);
        JobClient job = env.executeAsync("reelflow-it");
        try {
            long end = System.nanoTime() + deadline.toNanos();
            while (!done.call()) {
                assertThat(job.getJobStatus().get().isGloballyTerminalState())
                        .as("job ended early: %s", job.getJobStatus().get())
                        .isFalse();
                assertThat(System.nanoTime())
                        .as("job finished its work within %s", deadline)
                        .isLessThan(end);
                Thread.sleep(300);
            }
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    static Path tempDir(String prefix) throws java.io.IOException {
        return Files.createTempDirectory(prefix);
    }
}
