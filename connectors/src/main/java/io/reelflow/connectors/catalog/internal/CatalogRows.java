package io.reelflow.connectors.catalog.internal;

import io.reelflow.connectors.catalog.CatalogEntry;
import io.reelflow.connectors.catalog.Orientation;
import io.reelflow.schemas.AssetKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

/** The SQL of {@code asset_catalog} and the mapping between its rows and {@link CatalogEntry}. */
public final class CatalogRows {
    private static final String COLUMNS =
            "id, uri, kind, duration_seconds, width, height, orientation, codec, rotation, title,"
                    + " description, tags, language, licence, author, source_url, checksum,"
                    + " thumbnail_uri";

    /** Every column but the id: what an upsert may change. */
    private static final List<String> MUTABLE =
            List.of(
                    "uri",
                    "kind",
                    "duration_seconds",
                    "width",
                    "height",
                    "orientation",
                    "codec",
                    "rotation",
                    "title",
                    "description",
                    "tags",
                    "language",
                    "licence",
                    "author",
                    "source_url",
                    "thumbnail_uri");

    public static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM asset_catalog ORDER BY id";

    public static final String SELECT_BY_CHECKSUM =
            "SELECT " + COLUMNS + " FROM asset_catalog WHERE checksum = ?";

    /** Row count and last change in one index-backed aggregate. */
    public static final String VERSION = "SELECT count(*), max(updated_at) FROM asset_catalog";

    /**
     * Inserts, or updates the row with the same checksum only when a value differs (so an unchanged
     * upsert leaves {@code updated_at}, and the catalog's version, alone). Returns one row, {@code
     * true} when inserted, or no row when nothing changed. The id of an existing row is kept.
     */
    public static final String UPSERT =
            "INSERT INTO asset_catalog ("
                    + COLUMNS
                    + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " clock_timestamp()) ON CONFLICT (checksum) DO UPDATE SET "
                    + String.join(", ", MUTABLE.stream().map(c -> c + " = EXCLUDED." + c).toList())
                    + ", updated_at = EXCLUDED.updated_at WHERE ("
                    + String.join(", ", MUTABLE.stream().map(c -> "asset_catalog." + c).toList())
                    + ") IS DISTINCT FROM ("
                    + String.join(", ", MUTABLE.stream().map(c -> "EXCLUDED." + c).toList())
                    + ") RETURNING (xmax = 0)";

    private CatalogRows() {}

    /** Binds the 18 parameters of {@link #UPSERT}. */
    public static void bind(PreparedStatement statement, CatalogEntry entry) throws SQLException {
        Connection connection = statement.getConnection();
        int i = 0;
        statement.setString(++i, entry.id());
        statement.setString(++i, entry.uri());
        statement.setString(++i, entry.kind().name());
        statement.setDouble(++i, entry.durationSeconds());
        statement.setInt(++i, entry.width());
        statement.setInt(++i, entry.height());
        statement.setString(++i, entry.orientation() == null ? null : entry.orientation().label());
        statement.setString(++i, entry.codec());
        statement.setInt(++i, entry.rotation());
        statement.setString(++i, entry.title());
        statement.setString(++i, entry.description());
        statement.setArray(++i, connection.createArrayOf("text", entry.tags().toArray()));
        statement.setString(++i, entry.language());
        statement.setString(++i, entry.licence());
        statement.setString(++i, entry.author());
        statement.setString(++i, entry.sourceUrl());
        statement.setString(++i, entry.checksum());
        if (entry.thumbnailUri() == null) {
            statement.setNull(++i, Types.VARCHAR);
        } else {
            statement.setString(++i, entry.thumbnailUri());
        }
    }

    /** The entry in the current row of a result of {@link #SELECT_ALL}. */
    public static CatalogEntry read(ResultSet rs) throws SQLException {
        Array tags = rs.getArray("tags");
        return new CatalogEntry(
                rs.getString("id"),
                rs.getString("uri"),
                AssetKind.valueOf(rs.getString("kind")),
                rs.getDouble("duration_seconds"),
                rs.getInt("width"),
                rs.getInt("height"),
                Orientation.fromLabel(rs.getString("orientation")),
                rs.getString("codec"),
                rs.getInt("rotation"),
                rs.getString("title"),
                rs.getString("description"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                rs.getString("language"),
                rs.getString("licence"),
                rs.getString("author"),
                rs.getString("source_url"),
                rs.getString("checksum"),
                rs.getString("thumbnail_uri"));
    }
}
