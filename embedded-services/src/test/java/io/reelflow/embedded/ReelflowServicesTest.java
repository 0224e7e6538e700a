package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Tests for {@link ReelflowServices}. */
class ReelflowServicesTest {

    private static final ServicesOptions EMBEDDED =
            ServicesOptions.builder().backend(ServicesBackend.EMBEDDED).build();

    @Test
    void shouldStartKafkaPostgresAndS3AndStopThemCleanly() throws Exception {
        Set<Long> before = TestClients.nonDaemonThreadIds();
        ReelflowServices services = ReelflowServices.start(EMBEDDED);
        try {
            services.createTopics("reelflow.requests", "reelflow.results");
            assertThat(kafkaTopicsOf(services)).contains("reelflow.requests", "reelflow.results");

            try (Connection connection = connect(services)) {
                assertThat(queryString(connection, "SELECT current_database()"))
                        .isEqualTo("reelflow");
            }

            try (S3Client s3 = TestClients.s3(services)) {
                s3.headBucket(request -> request.bucket(services.s3Bucket()));
            }
            assertThat(services.s3Bucket()).isEqualTo("reelflow");
            assertThat(services.s3Region()).isEqualTo("us-east-1");
            assertThat(services.toString()).doesNotContain(services.s3SecretKey());
            // Failure tests stop and restart these very servers.
            assertThat(services.embeddedKafka().bootstrapServers())
                    .isEqualTo(services.kafkaBootstrapServers());
            assertThat(services.embeddedPostgres().jdbcUrl()).isEqualTo(services.jdbcUrl());
        } finally {
            services.close();
        }

        assertThat(TestClients.nonDaemonThreadsLeftSince(before)).isEmpty();
    }

    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        assumeThat(ListeningSockets.supported()).as("/proc/net/tcp is readable").isTrue();
        try (ReelflowServices services = ReelflowServices.start(EMBEDDED)) {
            int kafka = Integer.parseInt(services.kafkaBootstrapServers().split(":")[1]);
            int postgres = URI.create(services.jdbcUrl().substring("jdbc:".length())).getPort();
            int s3 = URI.create(services.s3Endpoint()).getPort();

            for (int port : new int[] {kafka, postgres, s3}) {
                assertThat(ListeningSockets.onPort(port))
                        .as("listeners on port %d", port)
                        .isNotEmpty()
                        .allMatch(ListeningSockets.Listener::loopback);
            }
            // Kafka's controller listener and anything else this JVM opened (PostgreSQL is a
            // child process, checked by its port above).
            assertThat(ListeningSockets.ofThisProcess())
                    .extracting(ListeningSockets.Listener::port)
                    .contains(kafka, s3);
            assertThat(ListeningSockets.ofThisProcess())
                    .allMatch(ListeningSockets.Listener::loopback);
        }
    }

    @Test
    void shouldKeepKafkaPostgresAndS3DataInDataDirectoryAcrossRestart(@TempDir Path data)
            throws Exception {
        ServicesOptions options = EMBEDDED.withDataDirectory(data);
        try (ReelflowServices first = ReelflowServices.start(options)) {
            first.createTopics("kept-topic");
            try (Connection connection = connect(first);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id TEXT)");
                statement.execute("INSERT INTO kept VALUES ('row-1')");
            }
            try (S3Client s3 = TestClients.s3(first)) {
                s3.putObject(
                        request -> request.bucket(first.s3Bucket()).key("videos/kept.mp4"),
                        RequestBody.fromString("video"));
            }
        }

        try (ReelflowServices second = ReelflowServices.start(options)) {
            assertThat(kafkaTopicsOf(second)).contains("kept-topic");
            try (Connection connection = connect(second)) {
                assertThat(queryString(connection, "SELECT id FROM kept")).isEqualTo("row-1");
            }
            try (S3Client s3 = TestClients.s3(second)) {
                String read =
                        s3.getObjectAsBytes(
                                        request ->
                                                request.bucket(second.s3Bucket())
                                                        .key("videos/kept.mp4"))
                                .asString(StandardCharsets.UTF_8);
                assertThat(read).isEqualTo("video");
            }
        }
        assertThat(data.resolve(ReelflowServices.KAFKA_DIRECTORY)).isDirectory();
        assertThat(data.resolve(ReelflowServices.POSTGRES_DIRECTORY)).isDirectory();
        assertThat(data.resolve(ReelflowServices.S3_DIRECTORY)).isDirectory();
    }

    @Test
    void shouldStopStartedServicesWhenAnotherCannotStart() throws Exception {
        Set<Long> before = TestClients.nonDaemonThreadIds();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ServicesOptions options = EMBEDDED.toBuilder().s3Port(taken.getLocalPort()).build();

            assertThatThrownBy(() -> ReelflowServices.start(options))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "S3 server did not start on port " + taken.getLocalPort());
        }

        assertThat(TestClients.nonDaemonThreadsLeftSince(before)).isEmpty();
    }

    @Test
    void shouldExplainHowToSwitchBackendWhenDockerIsMissing() {
        ServicesOptions options = EMBEDDED.withBackend(ServicesBackend.TESTCONTAINERS);

        assertThatThrownBy(() -> ReelflowServices.start(options, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Docker")
                .hasMessageContaining("reelflow.services=embedded");
    }

    private static Set<String> kafkaTopicsOf(ServiceEndpoints services) {
        return io.reelflow.embedded.internal.KafkaTopics.list(services.kafkaBootstrapServers());
    }

    private static Connection connect(ServiceEndpoints services) throws SQLException {
        return DriverManager.getConnection(
                services.jdbcUrl(), services.jdbcUser(), services.jdbcPassword());
    }

    private static String queryString(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
