package io.reelflow.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reelflow.connectors.catalog.ImportedFile.Outcome;
import io.reelflow.connectors.catalog.internal.Sha256;
import io.reelflow.connectors.jdbc.JdbcSchema;
import io.reelflow.connectors.jdbc.JdbcSettings;
import io.reelflow.connectors.s3.S3ObjectStore;
import io.reelflow.connectors.s3.S3Settings;
import io.reelflow.embedded.EmbeddedPostgresServer;
import io.reelflow.embedded.EmbeddedS3Server;
import io.reelflow.schemas.AssetKind;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link AssetImporter} on embedded PostgreSQL and S3, with media made here. */
class AssetImporterITCase {
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedS3Server s3;
    private static JdbcSettings database;
    private static S3Settings storage;

    @TempDir Path dir;

    private final JdbcAssetCatalog catalog = new JdbcAssetCatalog(database);
    private S3ObjectStore store;
    private S3ObjectLister lister;
    private Path media;

    @BeforeAll
    static void startServices() throws Exception {
        postgres = EmbeddedPostgresServer.start();
        s3 = EmbeddedS3Server.start(0, null, "reelflow");
        database = JdbcSettings.of(postgres.jdbcUrl(), postgres.user(), postgres.password());
        storage =
                new S3Settings(
                        s3.endpoint().toString(),
                        s3.region(),
                        s3.bucket(),
                        s3.accessKey(),
                        s3.secretKey(),
                        true);
        JdbcSchema.apply(database);
    }

    @AfterAll
    static void stopServices() {
        s3.close();
        postgres.close();
    }

    @BeforeEach
    void prepare() throws Exception {
        JdbcAssetCatalogITCase.execute(database, "TRUNCATE asset_catalog");
        store = new S3ObjectStore(storage);
        lister = new S3ObjectLister(storage);
        media = Files.createDirectories(dir.resolve("media"));
        CatalogTestMedia.writeJpeg(media.resolve("photo.jpg"), 640, 480);
        Files.createDirectories(media.resolve("more"));
        CatalogTestMedia.writePng(media.resolve("more/logo.png"), 300, 400);
        CatalogTestMedia.writeRotatedClip(media.resolve("turned.mp4"), 90);
        CatalogTestMedia.writeMusic(media.resolve("tone.m4a"));
        CatalogTestMedia.writeCorrupt(media.resolve("broken.mp4"));
        CatalogTestMedia.writeEmpty(media.resolve("empty.jpg"));
        Files.writeString(media.resolve("notes.txt"), "not media");
        Files.writeString(media.resolve(".hidden.jpg"), "ignored entirely");
    }

    @AfterEach
    void close() {
        lister.close();
        store.close();
    }

    @Test
    void shouldCatalogMediaUploadFilesAndThumbnailsAndRejectBrokenFiles() throws Exception {
        List<String> progress = new ArrayList<>();
        AssetImporter importer =
                importer(descriptions())
                        .listener((file, done, total) -> progress.add(done + "/" + total))
                        .build();

        ImportReport report = importer.importFolder(media);

        assertThat(report.count(Outcome.IMPORTED)).isEqualTo(4);
        assertThat(report.count(Outcome.SKIPPED)).isEqualTo(1);
        assertThat(report.withOutcome(Outcome.REJECTED))
                .extracting(ImportedFile::source, ImportedFile::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "broken.mp4", report.withOutcome(Outcome.REJECTED).get(0).reason()),
                        org.assertj.core.groups.Tuple.tuple("empty.jpg", "empty file (0 bytes)"));
        assertThat(report.withOutcome(Outcome.REJECTED).get(0).reason())
                .contains("not a media file FFmpeg can read");
        assertThat(progress).containsExactly("1/6", "2/6", "3/6", "4/6", "5/6", "6/6");
        assertThat(report.summary())
                .startsWith("6 files in ")
                .endsWith(
                        "4 imported, 0 updated, 0 unchanged, 2 rejected (1 non-media files skipped)");

        Map<AssetKind, CatalogEntry> byKind = byKindExceptPng(catalog.entries());
        assertThat(catalog.entries()).hasSize(4);

        CatalogEntry photo = byKind.get(AssetKind.PHOTO);
        String photoSha = Sha256.ofFile(media.resolve("photo.jpg"));
        assertThat(photo.checksum()).isEqualTo(photoSha);
        assertThat(photo.id()).isEqualTo("fox-1");
        assertThat(photo.uri())
                .isEqualTo("s3://reelflow/assets/" + photoSha.substring(0, 16) + "/photo.jpg");
        assertThat(photo.width()).isEqualTo(640);
        assertThat(photo.height()).isEqualTo(480);
        assertThat(photo.orientation()).isEqualTo(Orientation.LANDSCAPE);
        assertThat(photo.durationSeconds()).isZero();
        assertThat(photo.description()).isEqualTo("A red and blue flag");
        assertThat(photo.tags()).containsExactly("flag", "red", "blue");
        assertThat(photo.licence()).isEqualTo("CC0-1.0");
        assertThat(photo.author()).isEqualTo("Test Author");
        assertThat(photo.sourceUrl()).isEqualTo("https://example.org/flag");
        assertThat(photo.language()).isEqualTo("de");
        assertThat(download(photo.uri())).hasSameBinaryContentAs(media.resolve("photo.jpg"));
        assertThat(photo.thumbnailUri())
                .isEqualTo("s3://reelflow/assets/thumbnails/" + photoSha + ".jpg");

        CatalogEntry png = entryWithCodec("png");
        assertThat(png.kind()).isEqualTo(AssetKind.PHOTO);
        assertThat(png.orientation()).isEqualTo(Orientation.PORTRAIT);
        assertThat(png.title()).isEqualTo("logo");
        assertThat(png.language()).isEqualTo("en");
        assertThat(png.id()).startsWith("logo-").hasSize("logo-".length() + 8);

        CatalogEntry clip = byKind.get(AssetKind.CLIP);
        assertThat(clip.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(clip.width()).isEqualTo(CatalogTestMedia.CLIP_HEIGHT);
        assertThat(clip.height()).isEqualTo(CatalogTestMedia.CLIP_WIDTH);
        assertThat(clip.orientation()).isEqualTo(Orientation.PORTRAIT);
        assertThat(clip.rotation()).isEqualTo(90);
        assertThat(clip.codec()).isEqualTo("h264");
        BufferedImage clipThumbnail = ImageIO.read(download(clip.thumbnailUri()).toFile());
        assertThat(clipThumbnail.getWidth()).isEqualTo(CatalogTestMedia.CLIP_HEIGHT);
        assertThat(clipThumbnail.getHeight()).isEqualTo(CatalogTestMedia.CLIP_WIDTH);
        // Turned a quarter clockwise, the white top of the coded frame is on the right.
        assertThat(brightness(clipThumbnail, 150, 160)).isGreaterThan(200);
        assertThat(brightness(clipThumbnail, 30, 160)).isLessThan(60);

        CatalogEntry music = byKind.get(AssetKind.MUSIC);
        assertThat(music.durationSeconds()).isCloseTo(CatalogTestMedia.MUSIC_SECONDS, within(0.15));
        assertThat(music.thumbnailUri()).isNull();
        assertThat(music.orientation()).isNull();
        assertThat(music.codec()).isEqualTo("aac");
    }

    @Test
    void shouldLeaveEverythingUnchangedWhenImportedAgain() throws Exception {
        importer(descriptions()).build().importFolder(media);
        String version = catalog.version();
        List<CatalogEntry> before = catalog.entries();

        ImportReport again = importer(descriptions()).build().importFolder(media);

        assertThat(again.count(Outcome.IMPORTED)).isZero();
        assertThat(again.count(Outcome.UPDATED)).isZero();
        assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(4);
        assertThat(again.count(Outcome.REJECTED)).isEqualTo(2);
        assertThat(catalog.entries()).isEqualTo(before);
        assertThat(catalog.version()).isEqualTo(version);
    }

    @Test
    void shouldUpdateOnlyTheDescriptionWhenItChanges() throws Exception {
        importer(descriptions()).build().importFolder(media);
        String version = catalog.version();
        AssetDescriptions changed =
                AssetDescriptions.of(
                        Map.of(
                                "photo.jpg",
                                new AssetDescription(
                                        null,
                                        null,
                                        "A flag in the wind",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)));

        ImportReport report = importer(changed).build().importFolder(media);

        assertThat(report.withOutcome(Outcome.UPDATED))
                .extracting(ImportedFile::source)
                .containsExactly("photo.jpg");
        CatalogEntry photo =
                catalog.entries().stream()
                        .filter(e -> e.id().equals("fox-1"))
                        .findFirst()
                        .orElseThrow();
        assertThat(photo.description()).isEqualTo("A flag in the wind");
        assertThat(photo.tags()).containsExactly("flag", "red", "blue");
        assertThat(photo.language()).as("the default language").isEqualTo("en");
        assertThat(catalog.version()).isNotEqualTo(version);
    }

    @Test
    void shouldCatalogSameBytesOnce() throws Exception {
        Files.copy(media.resolve("photo.jpg"), media.resolve("more/copy-of-photo.jpg"));

        ImportReport report = importer(AssetDescriptions.none()).build().importFolder(media);

        assertThat(report.count(Outcome.IMPORTED)).isEqualTo(4);
        assertThat(report.withOutcome(Outcome.UNCHANGED))
                .singleElement()
                .satisfies(file -> assertThat(file.reason()).startsWith("same bytes as "));
        assertThat(catalog.entries()).hasSize(4);
    }

    @Test
    void shouldImportObjectsInPlaceFromAnS3Prefix() throws Exception {
        // Bytes no other test uploads, so nothing under assets/ can come from another test.
        Path photo = CatalogTestMedia.writeJpeg(dir.resolve("wide.jpg"), 500, 300);
        String photoUri = store.put("incoming/wide.jpg", photo, null);
        String clipUri = store.put("incoming/clips/turned.mp4", media.resolve("turned.mp4"), null);
        store.put("incoming/broken.mp4", media.resolve("broken.mp4"), null);
        store.put("elsewhere/tone.m4a", media.resolve("tone.m4a"), null);

        ImportReport report =
                importer(AssetDescriptions.none()).build().importFrom("s3://reelflow/incoming/");

        assertThat(report.withOutcome(Outcome.IMPORTED))
                .extracting(ImportedFile::source)
                .containsExactlyInAnyOrder(photoUri, clipUri);
        assertThat(report.withOutcome(Outcome.REJECTED))
                .extracting(ImportedFile::source)
                .containsExactly("s3://reelflow/incoming/broken.mp4");
        assertThat(catalog.entries())
                .extracting(CatalogEntry::uri)
                .containsExactlyInAnyOrder(photoUri, clipUri);
        String photoSha = Sha256.ofFile(photo);
        assertThat(store.find("assets/" + photoSha.substring(0, 16) + "/wide.jpg")).isEmpty();
        assertThat(store.find("assets/thumbnails/" + photoSha + ".jpg")).isPresent();
    }

    @Test
    void shouldRestoreEqualRowsFromExportIntoEmptyTable() throws Exception {
        importer(descriptions()).build().importFolder(media);
        List<CatalogEntry> imported = catalog.entries();
        Path export = dir.resolve("export/catalog.jsonl");

        int exported = catalog.exportJsonLines(export);
        JdbcAssetCatalogITCase.execute(database, "TRUNCATE asset_catalog");
        JdbcAssetCatalog.JsonLinesImport restored = catalog.importJsonLines(export);

        assertThat(exported).isEqualTo(4);
        assertThat(restored.inserted()).isEqualTo(4);
        assertThat(restored.skipped()).isEmpty();
        assertThat(catalog.entries()).isEqualTo(imported);
    }

    @Test
    void shouldNeedAListerForObjectImports() {
        AssetImporter withoutLister =
                AssetImporter.builder().catalog(catalog).objectStore(store).build();

        assertThatThrownBy(() -> withoutLister.importFrom("s3://reelflow/incoming/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an ObjectLister");
        assertThatThrownBy(() -> AssetImporter.builder().objectStore(store).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("catalog must be set");
    }

    private AssetImporter.Builder importer(AssetDescriptions descriptions) {
        return AssetImporter.builder()
                .catalog(catalog)
                .objectStore(store)
                .lister(lister)
                .descriptions(descriptions)
                .threads(2);
    }

    private static AssetDescriptions descriptions() {
        return AssetDescriptions.of(
                Map.of(
                        "photo.jpg",
                        new AssetDescription(
                                "fox-1",
                                null,
                                "A red and blue flag",
                                List.of("flag", "red", "blue"),
                                "de",
                                "CC0-1.0",
                                "Test Author",
                                "https://example.org/flag")));
    }

    private CatalogEntry entryWithCodec(String codec) throws IOException {
        return catalog.entries().stream()
                .filter(e -> codec.equals(e.codec()))
                .findFirst()
                .orElseThrow();
    }

    private static Map<AssetKind, CatalogEntry> byKindExceptPng(List<CatalogEntry> entries) {
        return entries.stream()
                .filter(e -> !"png".equals(e.codec()))
                .collect(Collectors.toMap(CatalogEntry::kind, Function.identity()));
    }

    private Path download(String uri) throws IOException {
        Path target = dir.resolve("downloads").resolve(uri.substring(uri.lastIndexOf('/') + 1));
        store.get(uri, target);
        return target;
    }

    private static int brightness(BufferedImage image, int x, int y) {
        Color colour = new Color(image.getRGB(x, y));
        return (colour.getRed() + colour.getGreen() + colour.getBlue()) / 3;
    }
}
