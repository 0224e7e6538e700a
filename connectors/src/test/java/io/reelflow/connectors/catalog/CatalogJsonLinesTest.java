package io.reelflow.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetKind;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link CatalogJsonLines}. */
class CatalogJsonLinesTest {
    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "0123456789abcdef".repeat(4);

    static final CatalogEntry CLIP =
            new CatalogEntry(
                    "sea-0a1b2c3d",
                    "s3://reelflow/assets/0123456789abcdef/sea.mp4",
                    AssetKind.CLIP,
                    8.5,
                    720,
                    1280,
                    null,
                    "h264",
                    90,
                    "Sea",
                    "Waves on a beach",
                    List.of("sea", "wave"),
                    "en",
                    "CC0-1.0",
                    "Ada",
                    "https://example.org/sea",
                    SHA_B,
                    "s3://reelflow/assets/thumbnails/" + SHA_B + ".jpg");

    static final CatalogEntry MUSIC =
            new CatalogEntry(
                    "tune",
                    "s3://reelflow/assets/aaaa/tune.ogg",
                    AssetKind.MUSIC,
                    120,
                    0,
                    0,
                    null,
                    "vorbis",
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    SHA_A,
                    null);

    @TempDir Path dir;

    @Test
    void shouldRoundTripEntries() throws Exception {
        Path file = dir.resolve("out/catalog.jsonl");

        CatalogJsonLines.write(List.of(CLIP, MUSIC), file);
        CatalogJsonLines.Parsed parsed = CatalogJsonLines.read(file);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries())
                .extracting(CatalogJsonLines.NumberedEntry::entry)
                .containsExactly(CLIP, MUSIC);
        assertThat(parsed.entries().get(0).entry().orientation()).isEqualTo(Orientation.PORTRAIT);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("\"orientation\":\"portrait\"");
    }

    @Test
    void shouldWriteLinesTheManifestCatalogReads() throws Exception {
        Path file = dir.resolve("catalog.jsonl");
        CatalogJsonLines.write(List.of(CLIP, MUSIC), file);

        List<CatalogAsset> assets =
                JsonLinesAssetCatalog.parse(
                        Files.newBufferedReader(file, StandardCharsets.UTF_8), "export");

        assertThat(assets).containsExactly(CLIP.asset(), MUSIC.asset());
    }

    @Test
    void shouldSkipBadLinesWithReasonsAndKeepTheOthers() throws Exception {
        String good =
                "{\"id\":\"fox\",\"uri\":\"s3://b/fox.jpg\",\"kind\":\"PHOTO\",\"width\":40,"
                        + "\"height\":30,\"checksum\":\""
                        + SHA_A
                        + "\"}";
        String lines =
                String.join(
                        "\n",
                        good,
                        "not json",
                        "",
                        "{\"id\":\"owl\",\"uri\":\"s3://b/owl.jpg\",\"kind\":\"PHOTO\"}",
                        "{\"id\":\"cat\",\"uri\":\"s3://b/cat.jpg\",\"kind\":\"DRAWING\",\"checksum\":\""
                                + SHA_B
                                + "\"}",
                        "{\"id\":\"dog\",\"uri\":\"s3://b/d.mp4\",\"kind\":\"CLIP\",\"rotation\":45,"
                                + "\"checksum\":\""
                                + SHA_B
                                + "\"}");

        CatalogJsonLines.Parsed parsed = CatalogJsonLines.parse(new StringReader(lines));

        assertThat(parsed.entries()).hasSize(1);
        CatalogEntry fox = parsed.entries().get(0).entry();
        assertThat(fox.orientation()).isEqualTo(Orientation.LANDSCAPE);
        assertThat(fox.rotation()).isZero();
        assertThat(parsed.problems()).hasSize(4);
        assertThat(parsed.problems().get(0)).startsWith("line 2: ");
        assertThat(parsed.problems().get(1))
                .startsWith("line 4: ")
                .contains("checksum of asset owl must be a lower-case hex SHA-256");
        assertThat(parsed.problems().get(2)).startsWith("line 5: ").contains("DRAWING");
        assertThat(parsed.problems().get(3))
                .startsWith("line 6: ")
                .contains("rotation of asset dog must be 0, 90, 180 or 270");
    }
}
