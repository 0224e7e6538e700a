package io.reelflow.connectors.catalog;

import static io.reelflow.connectors.catalog.CatalogJsonLinesTest.CLIP;
import static io.reelflow.connectors.catalog.CatalogJsonLinesTest.MUSIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.embedded.EmbeddedPostgresServer;
import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.schemas.AssetKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link JdbcAssetCatalog} on embedded PostgreSQL. */
class JdbcAssetCatalogITCase {
    private static final String OTHER_SHA = "b".repeat(64);

    private static EmbeddedPostgresServer postgres;
    private static JdbcSettings settings;

    @TempDir Path dir;

    private final JdbcAssetCatalog catalog = new JdbcAssetCatalog(settings);

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        settings = JdbcSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password());
        JdbcSchema.apply(settings);
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @BeforeEach
    void emptyCatalog() throws Exception {
        execute(settings, "TRUNCATE asset_catalog");
    }

    @Test
    void shouldKeepOneRowPerChecksumAndUpdateItsMetadata() throws Exception {
        CatalogEntry renamed = withDescription(CLIP, "Waves at dusk", "other-id");

        UpsertOutcome first = catalog.upsert(CLIP);
        UpsertOutcome again = catalog.upsert(CLIP);
        UpsertOutcome changed = catalog.upsert(renamed);

        assertThat(first).isEqualTo(UpsertOutcome.INSERTED);
        assertThat(again).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(changed).isEqualTo(UpsertOutcome.UPDATED);
        List<CatalogEntry> entries = catalog.entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).description()).isEqualTo("Waves at dusk");
        assertThat(entries.get(0).id()).as("an existing row keeps its id").isEqualTo(CLIP.id());
        assertThat(catalog.findByChecksum(CLIP.checksum())).contains(entries.get(0));
        assertThat(catalog.findByChecksum(OTHER_SHA)).isEmpty();
    }

    @Test
    void shouldStoreEveryColumnAsGiven() throws Exception {
        catalog.upsert(CLIP);
        catalog.upsert(MUSIC);

        assertThat(catalog.entries()).containsExactly(CLIP, MUSIC);
        assertThat(catalog.loadAll()).containsExactly(CLIP.asset(), MUSIC.asset());
        assertThat(
                        query(
                                "SELECT orientation || '|' || rotation || '|' || array_to_string(tags, ',')"
                                        + " FROM asset_catalog WHERE kind = 'CLIP'"))
                .isEqualTo("portrait|90|sea,wave");
    }

    @Test
    void shouldChangeVersionOnlyWhenContentChanges() throws Exception {
        String empty = catalog.version();
        catalog.upsert(CLIP);
        String afterInsert = catalog.version();
        catalog.upsert(CLIP);
        String afterNoOp = catalog.version();
        catalog.upsert(withDescription(CLIP, "New words", CLIP.id()));
        String afterUpdate = catalog.version();

        assertThat(empty).isEqualTo("0@-");
        assertThat(afterInsert).startsWith("1@").isNotEqualTo(empty);
        assertThat(afterNoOp).isEqualTo(afterInsert);
        assertThat(afterUpdate).startsWith("1@").isNotEqualTo(afterInsert);
    }

    @Test
    void shouldRefuseIdThatNamesOtherBytes() throws Exception {
        catalog.upsert(CLIP);
        CatalogEntry sameIdOtherBytes =
                new CatalogEntry(
                        CLIP.id(),
                        "s3://reelflow/other.jpg",
                        AssetKind.PHOTO,
                        0,
                        10,
                        10,
                        null,
                        "png",
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        OTHER_SHA,
                        null);

        assertThatThrownBy(() -> catalog.upsert(sameIdOtherBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("asset id " + CLIP.id() + " already names a file");
        assertThat(catalog.entries()).containsExactly(CLIP);
    }

    @Test
    void shouldImportValidLinesAndReportTheOthers() throws Exception {
        catalog.upsert(MUSIC);
        Path export = dir.resolve("catalog.jsonl");
        CatalogJsonLines.write(List.of(CLIP, MUSIC), export);
        Files.writeString(
                export,
                Files.readString(export)
                        + "{broken\n"
                        + "{\"id\":\""
                        + CLIP.id()
                        + "\",\"uri\":\"s3://b/x.jpg\",\"kind\":\"PHOTO\",\"checksum\":\""
                        + OTHER_SHA
                        + "\"}\n");

        JdbcAssetCatalog.JsonLinesImport result = catalog.importJsonLines(export);

        assertThat(result.inserted()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.updated()).isZero();
        assertThat(result.skipped()).hasSize(2);
        assertThat(result.skipped().get(0)).startsWith("line 3: ");
        assertThat(result.skipped().get(1))
                .startsWith("line 4: ")
                .contains("already names a file with other bytes");
        assertThat(catalog.entries()).containsExactly(CLIP, MUSIC);
    }

    @Test
    void shouldShipFactoryWithTheJobGraph() throws Exception {
        catalog.upsert(MUSIC);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(JdbcAssetCatalog.factory(settings));
        }
        AssetCatalogFactory factory;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            factory = (AssetCatalogFactory) in.readObject();
        }

        AssetCatalog shipped = factory.create();

        assertThat(shipped.loadAll()).containsExactly(MUSIC.asset());
        assertThat(shipped.version()).isEqualTo(catalog.version());
    }

    @Test
    void shouldReportUnreachableDatabaseAsIOException() {
        JdbcAssetCatalog unreachable =
                new JdbcAssetCatalog(
                        JdbcSettings.of("jdbc:postgresql://127.0.0.1:1/none", "u", "p"));

        assertThatThrownBy(unreachable::version)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("asset catalog at jdbc:postgresql://127.0.0.1:1/none");
    }

    static CatalogEntry withDescription(CatalogEntry entry, String description, String id) {
        return new CatalogEntry(
                id,
                entry.uri(),
                entry.kind(),
                entry.durationSeconds(),
                entry.width(),
                entry.height(),
                entry.orientation(),
                entry.codec(),
                entry.rotation(),
                entry.title(),
                description,
                entry.tags(),
                entry.language(),
                entry.licence(),
                entry.author(),
                entry.sourceUrl(),
                entry.checksum(),
                entry.thumbnailUri());
    }

    static void execute(JdbcSettings settings, String sql) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(
                                settings.url(), settings.user(), settings.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(String sql) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(
                                settings.url(), settings.user(), settings.password());
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
