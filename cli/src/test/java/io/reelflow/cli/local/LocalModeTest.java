package io.reelflow.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.embedded.ListeningSockets;
import io.reelflow.embedded.ListeningSockets.Listener;
import io.reelflow.embedded.ServiceEndpoints;
import io.reelflow.job.ConnectorSettings;
import io.reelflow.job.ReelflowJob;
import io.reelflow.job.TransactionTimeoutCheck;
import io.reelflow.job.config.NarrationOptions;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarMode;
import io.reelflow.sidecar.SpeechEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link LocalMode}. */
class LocalModeTest {

    private static final String SECRET = "Zx9secretKEYnever0nScreen1234567890abcde";
    private static final ServiceEndpoints ENDPOINTS =
            new Endpoints(
                    "127.0.0.1:9092",
                    "jdbc:postgresql://127.0.0.1:5433/reelflow",
                    "postgres",
                    "postgres",
                    "http://127.0.0.1:9000",
                    "us-east-1",
                    "ACCESSKEY0123456789",
                    SECRET,
                    "reelflow");

    @TempDir Path dataDir;

    @Test
    void shouldWriteTheConnectionFileReadableByTheOwnerOnly() throws Exception {
        // A file of an earlier run, readable by everybody, is replaced, not rewritten in place.
        Path stale = dataDir.resolve(LocalMode.CONNECTION_FILE);
        Files.writeString(stale, "--old values");
        Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-r--r--"));

        Path file = LocalMode.writeConnectionArgs(ENDPOINTS, dataDir);

        assertThat(file).isEqualTo(stale);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file))
                .contains("--reelflow.s3.secret-key " + SECRET)
                .contains("--reelflow.s3.access-key ACCESSKEY0123456789")
                .contains("--reelflow.replay.live-run-id local")
                .doesNotContain("--old values")
                .endsWith("\n");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldConfigureCheckpointsThatTheResultTransactionsOutlive() throws Exception {
        Configuration config;
        try (ReferenceSidecarServer sidecar =
                ReferenceSidecarServer.start(LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS))) {
            config = LocalMode.jobConfiguration(ENDPOINTS, sidecar, Map.of());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);

        // Fails, naming the settings, when the transactions could expire before their commit.
        ReelflowJob.enableCheckpointing(env, config);

        TransactionTimeoutCheck check =
                TransactionTimeoutCheck.of(env.getCheckpointConfig(), config);
        assertThat(check.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(check.checkpointTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(check.tolerableFailures()).isEqualTo(3);
        assertThat(check.worstCommitDelay()).isLessThan(check.transactionTimeout());
        assertThat(env.getCheckpointConfig().isUnalignedCheckpointsEnabled())
                .as("barriers overtake a backlog queued in front of the render stage")
                .isTrue();
    }

    @Test
    void shouldPointNarrationAtTheReferenceSidecar() throws Exception {
        try (ReferenceSidecarServer sidecar =
                ReferenceSidecarServer.start(LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS))) {
            Configuration config = LocalMode.jobConfiguration(ENDPOINTS, sidecar, Map.of());

            assertThat(config.get(NarrationOptions.URL))
                    .containsExactly(sidecar.baseUri().toString());
        }
    }

    @Test
    void shouldGiveTheBenchmarksTheDatabaseAndBucketTheJobReaches() throws Exception {
        try (ReferenceSidecarServer sidecar =
                ReferenceSidecarServer.start(LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS))) {
            ConnectorSettings job =
                    ConnectorSettings.from(
                            LocalMode.jobConfiguration(ENDPOINTS, sidecar, Map.of()));

            assertThat(LocalMode.storage(ENDPOINTS)).isEqualTo(job.storage());
            assertThat(LocalMode.storage(ENDPOINTS).pathStyle()).isTrue();
            JdbcSettings database = LocalMode.database(ENDPOINTS);
            assertThat(database.url()).isEqualTo(job.database().url());
            assertThat(database.user()).isEqualTo(job.database().user());
            assertThat(database.password()).isEqualTo(job.database().password());
        }
    }

    @Test
    void shouldPrintEndpointsAndWhereTheKeysAreButNotTheSecret() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path connection = dataDir.resolve(LocalMode.CONNECTION_FILE);
        try (ReferenceSidecarServer sidecar =
                ReferenceSidecarServer.start(LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS))) {
            LocalMode.printEndpoints(
                    new PrintStream(printed, true, StandardCharsets.UTF_8),
                    ENDPOINTS,
                    sidecar,
                    8081,
                    connection);
        }

        String banner = printed.toString(StandardCharsets.UTF_8);
        assertThat(banner)
                .contains("127.0.0.1:9092")
                .contains("http://127.0.0.1:9000  bucket reelflow  keys in " + connection)
                .contains("jdbc:postgresql://127.0.0.1:5433/reelflow")
                .contains("Flink web UI   http://127.0.0.1:8081")
                .contains("  Speech         ")
                .doesNotContain(SECRET)
                .doesNotContain("localhost");
    }

    @Test
    void shouldSayAtStartWhichSpeechEngineSpeaksOrHowToInstallOne() throws Exception {
        try (ReferenceSidecarServer missing =
                        ReferenceSidecarServer.start(
                                LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS)
                                        .withSpeechEngine("/nonexistent/bin/espeak-ng"));
                ReferenceSidecarServer installed =
                        ReferenceSidecarServer.start(
                                LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS))) {
            assertThat(LocalMode.speech(missing))
                    .startsWith("none: narration will be skipped.")
                    .contains("apt-get install espeak-ng", "brew install espeak-ng");
            if (!"1".equals(System.getenv(SpeechEngine.REQUIRE_ENV))) {
                assumeThat(installed.speechEngine().status().available())
                        .as("espeak-ng is installed")
                        .isTrue();
            }
            assertThat(LocalMode.speech(installed))
                    .matches(
                            "espeak-ng \\d+\\.\\d+\\S* \\(/.+\\) at http://127\\.0\\.0\\.1:\\d+/v1/audio/speech");
        }
    }

    @Test
    void shouldRunTheSidecarOnLoopbackOnly() throws Exception {
        assumeThat(ListeningSockets.supported()).as("/proc/net/tcp is readable").isTrue();
        try (ReferenceSidecarServer sidecar =
                ReferenceSidecarServer.start(LocalMode.sidecarOptions(0, SidecarMode.VIDEO_JOBS))) {
            assertThat(ListeningSockets.onPort(sidecar.port()))
                    .isNotEmpty()
                    .allMatch(Listener::loopback);
        }
    }

    @Test
    void shouldServeFlinksMetricsToPrometheusOnTheAskedPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Configuration config = new Configuration();
        config.set(RestOptions.PORT, 0);
        LocalMode.exposeMetrics(config, port);

        try (MiniCluster cluster = startedCluster(config)) {
            HttpResponse<String> scrape = get(URI.create("http://localhost:" + port + "/metrics"));

            assertThat(scrape.statusCode()).isEqualTo(200);
            // Flink's own metrics in Prometheus' text format (which ones are registered by now
            // depends on start-up order, so no particular one is asked for).
            assertThat(scrape.body()).contains("# TYPE flink_");
        }
    }

    @Test
    void shouldKeepFlinksRestApiAndBlobServerOnLoopbackWithoutJarUploads() throws Exception {
        assumeThat(ListeningSockets.supported()).as("/proc/net/tcp is readable").isTrue();
        Configuration config = new Configuration();
        // As if the command line asked for every interface: local mode's settings win.
        config.set(RestOptions.BIND_ADDRESS, "0.0.0.0");
        LocalMode.keepLocal(config, 0);
        Set<Long> before = inodes(ListeningSockets.ofThisProcess());

        try (MiniCluster cluster = startedCluster(config)) {
            URI rest = cluster.getRestAddress().get();
            List<Listener> opened =
                    ListeningSockets.ofThisProcess().stream()
                            .filter(listener -> !before.contains(listener.inode()))
                            .collect(Collectors.toList());

            assertThat(rest.getHost()).isEqualTo("127.0.0.1");
            // The REST API and the blob server at least; all on loopback.
            assertThat(opened).extracting(Listener::port).contains(rest.getPort());
            assertThat(opened).hasSizeGreaterThanOrEqualTo(2).allMatch(Listener::loopback);

            HttpResponse<String> features = get(rest.resolve("/config"));
            assertThat(features.statusCode()).isEqualTo(200);
            assertThat(features.body()).contains("\"web-submit\":false");
            assertThat(get(rest.resolve("/jars")).statusCode()).isEqualTo(404);
        }
    }

    /** A started one-slot MiniCluster with {@code config}. */
    private static MiniCluster startedCluster(Configuration config) throws Exception {
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(1)
                                .build());
        cluster.start();
        return cluster;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<Long> inodes(List<Listener> listeners) {
        return listeners.stream().map(Listener::inode).collect(Collectors.toSet());
    }

    /** The values local mode reads from its services, with a recognisable secret key. */
    private record Endpoints(
            String kafkaBootstrapServers,
            String jdbcUrl,
            String jdbcUser,
            String jdbcPassword,
            String s3Endpoint,
            String s3Region,
            String s3AccessKey,
            String s3SecretKey,
            String s3Bucket)
            implements ServiceEndpoints {}
}
