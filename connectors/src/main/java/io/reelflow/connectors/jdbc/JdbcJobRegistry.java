package io.reelflow.connectors.jdbc;

import io.reelflow.operators.port.JobRegistry;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.RegisteredJob;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The generation job registry in PostgreSQL ({@code generation_jobs} from {@code schema.sql}).
 * Claiming is one statement — insert, or take over the caller's own or a stale claim that has no
 * job yet — so two task managers never both submit the same work. Each call opens its own
 * connection. Blocking: the generation stage calls it on its I/O pool.
 *
 * <pre>{@code
 * JobRegistryFactory registry = JdbcJobRegistry.factory(JdbcSettings.of(url, user, password));
 * }</pre>
 */
public final class JdbcJobRegistry implements JobRegistry {
    /** Used directly: {@code DriverManager} does not see drivers in Flink's user-code loader. */
    private static final Driver DRIVER = new org.postgresql.Driver();

    static final String CLAIM =
            "INSERT INTO generation_jobs (content_key, owner, updated_at) VALUES (?, ?, now())"
                    + " ON CONFLICT (content_key) DO UPDATE"
                    + " SET owner = EXCLUDED.owner, updated_at = EXCLUDED.updated_at,"
                    + " endpoint = NULL, job_id = NULL"
                    + " WHERE generation_jobs.job_id IS NULL"
                    + " AND (generation_jobs.owner = EXCLUDED.owner"
                    + " OR generation_jobs.updated_at < now() - make_interval(secs => ?))"
                    + " RETURNING owner";
    static final String FIND =
            "SELECT content_key, endpoint, job_id, owner, updated_at FROM generation_jobs"
                    + " WHERE content_key = ?";
    static final String SUBMITTED =
            "INSERT INTO generation_jobs (content_key, endpoint, job_id, owner, updated_at)"
                    + " VALUES (?, ?, ?, 'unknown', now())"
                    + " ON CONFLICT (content_key) DO UPDATE"
                    + " SET endpoint = EXCLUDED.endpoint, job_id = EXCLUDED.job_id,"
                    + " updated_at = EXCLUDED.updated_at";
    static final String RELEASE = "DELETE FROM generation_jobs WHERE content_key = ?";

    private final JdbcSettings settings;

    public JdbcJobRegistry(JdbcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A serializable factory for tasks. */
    public static JobRegistryFactory factory(JdbcSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return () -> new JdbcJobRegistry(settings);
    }

    @Override
    public Optional<RegisteredJob> claim(String contentKey, String owner, Duration staleAfter)
            throws IOException {
        try (Connection connection = connect();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, contentKey);
            claim.setString(2, owner);
            claim.setDouble(3, staleAfter.toMillis() / 1000.0);
            try (ResultSet rs = claim.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
            return find(connection, contentKey);
        } catch (SQLException e) {
            throw failure("claim " + contentKey + " in", e);
        }
    }

    @Override
    public Optional<RegisteredJob> find(String contentKey) throws IOException {
        try (Connection connection = connect()) {
            return find(connection, contentKey);
        } catch (SQLException e) {
            throw failure("look up " + contentKey + " in", e);
        }
    }

    @Override
    public void submitted(String contentKey, String endpoint, String jobId) throws IOException {
        update(SUBMITTED, "register job " + jobId + " in", contentKey, endpoint, jobId);
    }

    @Override
    public void release(String contentKey) throws IOException {
        update(RELEASE, "release " + contentKey + " from", contentKey);
    }

    @Override
    public void close() {}

    private Optional<RegisteredJob> find(Connection connection, String contentKey)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, contentKey);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(
                        new RegisteredJob(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
        }
    }

    private void update(String sql, String what, String... parameters) throws IOException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        Connection connection = DRIVER.connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + settings.url());
        }
        return connection;
    }

    private static IOException failure(String what, SQLException e) {
        return new IOException("Could not " + what + " the generation job registry: " + e, e);
    }

    @Override
    public String toString() {
        return "JdbcJobRegistry[" + settings.url() + "]";
    }
}
