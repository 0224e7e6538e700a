package io.reelflow.connectors.catalog;

import io.reelflow.connectors.catalog.internal.CatalogRows;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.CatalogAsset;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.util.PSQLException;

/**
 * The asset catalog in PostgreSQL ({@code asset_catalog} from {@code schema.sql}): one row per
 * distinct file content, keyed by its SHA-256, so importing the same bytes again never adds a row.
 * Each call opens and closes its own connection, which keeps a long-lived holder (a task refreshing
 * its catalog) free of broken connections. Blocking: call it off the task thread.
 *
 * <pre>{@code
 * AssetCatalogFactory catalog = JdbcAssetCatalog.factory(JdbcSettings.of(url, user, password));
 * }</pre>
 */
public final class JdbcAssetCatalog implements AssetCatalog {
    /** Used directly: {@code DriverManager} does not see drivers in Flink's user-code loader. */
    private static final Driver DRIVER = new org.postgresql.Driver();

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PRIMARY_KEY = "asset_catalog_pkey";

    private final JdbcSettings settings;

    public JdbcAssetCatalog(JdbcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A serializable factory for tasks. */
    public static AssetCatalogFactory factory(JdbcSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return () -> new JdbcAssetCatalog(settings);
    }

    @Override
    public List<CatalogAsset> loadAll() throws IOException {
        return entries().stream().map(CatalogEntry::asset).toList();
    }

    /** Row count and time of the latest change, e.g. {@code 52@2025-03-01T12:00:00.123456Z}. */
    @Override
    public String version() throws IOException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(CatalogRows.VERSION);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            OffsetDateTime latest = rs.getObject(2, OffsetDateTime.class);
            return rs.getLong(1) + "@" + (latest == null ? "-" : latest.toInstant());
        } catch (SQLException e) {
            throw failure("read the version of", e);
        }
    }

    /** Every entry with all its columns, ordered by id. */
    public List<CatalogEntry> entries() throws IOException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(CatalogRows.SELECT_ALL);
                ResultSet rs = statement.executeQuery()) {
            List<CatalogEntry> entries = new ArrayList<>();
            while (rs.next()) {
                entries.add(CatalogRows.read(rs));
            }
            return entries;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** The entry of the file whose SHA-256 (lower-case hex) is {@code checksum}, if catalogued. */
    public Optional<CatalogEntry> findByChecksum(String checksum) throws IOException {
        try (Connection connection = connect();
                PreparedStatement statement =
                        connection.prepareStatement(CatalogRows.SELECT_BY_CHECKSUM)) {
            statement.setString(1, checksum);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(CatalogRows.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("look up a checksum in", e);
        }
    }

    /**
     * Inserts {@code entry}, or updates the row with its checksum (keeping that row's id).
     *
     * @throws IllegalArgumentException when the id already names a file with other bytes
     */
    public UpsertOutcome upsert(CatalogEntry entry) throws IOException {
        try (Connection connection = connect()) {
            return upsert(connection, entry);
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    /**
     * Writes every entry to {@code file} as JSON lines ({@link CatalogJsonLines}); returns how
     * many.
     */
    public int exportJsonLines(Path file) throws IOException {
        List<CatalogEntry> entries = entries();
        CatalogJsonLines.write(entries, file);
        return entries.size();
    }

    /**
     * Upserts every valid line of a JSON-lines file; a line that cannot be read or stored is
     * skipped with its reason, and the others are still imported.
     */
    public JsonLinesImport importJsonLines(Path file) throws IOException {
        CatalogJsonLines.Parsed parsed = CatalogJsonLines.read(file);
        List<String> problems = new ArrayList<>(parsed.problems());
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        try (Connection connection = connect()) {
            for (CatalogJsonLines.NumberedEntry line : parsed.entries()) {
                try {
                    switch (upsert(connection, line.entry())) {
                        case INSERTED -> inserted++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line.line() + ": " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw failure("import " + file + " into", e);
        }
        problems.sort(null);
        return new JsonLinesImport(inserted, updated, unchanged, problems);
    }

    /** What {@link #importJsonLines} did; {@code skipped} holds one reason per skipped line. */
    public record JsonLinesImport(int inserted, int updated, int unchanged, List<String> skipped) {
        public JsonLinesImport {
            skipped = List.copyOf(skipped);
        }
    }

    private static UpsertOutcome upsert(Connection connection, CatalogEntry entry)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CatalogRows.UPSERT)) {
            CatalogRows.bind(statement, entry);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return UpsertOutcome.UNCHANGED;
                }
                return rs.getBoolean(1) ? UpsertOutcome.INSERTED : UpsertOutcome.UPDATED;
            }
        } catch (PSQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())
                    && e.getServerErrorMessage() != null
                    && PRIMARY_KEY.equals(e.getServerErrorMessage().getConstraint())) {
                throw new IllegalArgumentException(
                        "asset id "
                                + entry.id()
                                + " already names a file with other bytes (checksum "
                                + entry.checksum()
                                + " differs)",
                        e);
            }
            throw e;
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

    private IOException failure(String action, SQLException e) {
        return new IOException(
                "Could not " + action + " the asset catalog at " + settings.url() + ": " + e, e);
    }

    @Override
    public String toString() {
        return "JdbcAssetCatalog[" + settings.url() + "]";
    }
}
