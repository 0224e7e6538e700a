package io.reelflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.embedded.internal.FreePorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link EmbeddedPostgresServer}. */
class EmbeddedPostgresServerTest {

    @Test
    void shouldCreateInsertAndSelectInTheReelflowDatabase() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            assertThat(postgres.jdbcUrl()).endsWith("/" + EmbeddedPostgresServer.DATABASE);
            try (Connection connection = connect(postgres)) {
                execute(
                        connection,
                        "CREATE TABLE video_results (request_id TEXT PRIMARY KEY, score INT)");
                execute(
                        connection,
                        "INSERT INTO video_results VALUES ('r-1', 80), ('r-2', 95)"
                                + " ON CONFLICT (request_id) DO UPDATE SET score = EXCLUDED.score");

                assertThat(currentDatabase(connection)).isEqualTo("reelflow");
                assertThat(
                                requestIds(
                                        connection,
                                        "SELECT request_id FROM video_results WHERE score > 90"))
                        .containsExactly("r-2");
            }
        }
    }

    @Test
    void shouldListenOnTheRequestedPort() throws Exception {
        int port = FreePorts.pick();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(port, null)) {
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(postgres.jdbcUrl()).contains(":" + port + "/");
            try (Connection connection = connect(postgres)) {
                assertThat(currentDatabase(connection)).isEqualTo("reelflow");
            }
        }
    }

    @Test
    void shouldKeepDataInDataDirectoryAcrossRestart(@TempDir Path data) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(0, data);
                Connection connection = connect(first)) {
            execute(connection, "CREATE TABLE kept (id TEXT)");
            execute(connection, "INSERT INTO kept VALUES ('survives')");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(0, data);
                Connection connection = connect(second)) {
            assertThat(requestIds(connection, "SELECT id FROM kept")).containsExactly("survives");
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    @Test
    void shouldComeBackOnTheSamePortWithItsDataAfterStopAndRestart() throws Exception {
        Path dataDirectory;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            try (Connection connection = connect(postgres)) {
                execute(connection, "CREATE TABLE kept (id TEXT)");
                execute(connection, "INSERT INTO kept VALUES ('survives')");
            }
            String url = postgres.jdbcUrl();

            postgres.stop();
            assertThat(postgres.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(postgres)).isInstanceOf(SQLException.class);
            postgres.restart();

            assertThat(postgres.jdbcUrl()).isEqualTo(url);
            try (Connection connection = connect(postgres)) {
                assertThat(requestIds(connection, "SELECT id FROM kept"))
                        .containsExactly("survives");
            }
            dataDirectory = postgres.dataDirectory();
        }
        assertThat(dataDirectory).as("temporary data deleted on close").doesNotExist();
    }

    @Test
    void shouldStopWithoutLeavingNonDaemonThreads() throws Exception {
        Set<Long> before = TestClients.nonDaemonThreadIds();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();
        String url = postgres.jdbcUrl();

        postgres.close();

        assertThat(TestClients.nonDaemonThreadsLeftSince(before)).isEmpty();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void shouldRejectInvalidDatabaseName() {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(0, null, "drop table"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("drop table");
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        return requestIds(connection, "SELECT current_database()").get(0);
    }

    private static List<String> requestIds(Connection connection, String query)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
