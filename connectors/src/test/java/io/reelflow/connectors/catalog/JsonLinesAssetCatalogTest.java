package io.reelflow.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.testing.InMemoryObjectStore;
import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetKind;
import java.io.FileNotFoundException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link JsonLinesAssetCatalog}. */
class JsonLinesAssetCatalogTest {
    private static final CatalogAsset FOX =
            new CatalogAsset(
                    "fox-1",
                    "s3://reelflow/catalog/fox.jpg",
                    AssetKind.PHOTO,
                    0,
                    1920,
                    1080,
                    "Fox in snow",
                    "A red fox standing in fresh snow",
                    List.of("fox", "snow", "winter"),
                    "en",
                    "CC-BY-4.0",
                    "Ada",
                    "https://example.org/fox",
                    "sha256:abc");
    private static final CatalogAsset SEA =
            new CatalogAsset(
                    "sea-1",
                    "s3://reelflow/catalog/sea.mp4",
                    AssetKind.CLIP,
                    8.0,
                    1280,
                    720,
                    "Waves",
                    null,
                    null,
                    null,
                    "CC0",
                    null,
                    null,
                    null);

    @TempDir Path dir;

    @Test
    void shouldRoundTripWrittenManifest() throws Exception {
        Path manifest = dir.resolve("catalog/assets.jsonl");

        JsonLinesAssetCatalog.write(List.of(FOX, SEA), manifest);
        List<CatalogAsset> read =
                JsonLinesAssetCatalog.parse(Files.newBufferedReader(manifest), "test");

        assertThat(read).containsExactly(FOX, SEA);
        assertThat(read.get(1).tags()).isEmpty();
    }

    @Test
    void shouldSkipBadLinesAndKeepTheRest() throws Exception {
        String manifest =
                String.join(
                        "\n",
                        "{\"id\":\"a\",\"uri\":\"s3://b/a.jpg\",\"kind\":\"PHOTO\"}",
                        "",
                        "this is not json",
                        "{\"id\":\"b\",\"uri\":\"s3://b/b.mp4\",\"kind\":\"HOLOGRAM\"}",
                        "{\"uri\":\"s3://b/c.jpg\",\"kind\":\"PHOTO\"}",
                        "{\"id\":\"d\",\"uri\":\"s3://b/d.jpg\",\"kind\":\"PHOTO\",\"width\":-1}",
                        "   ",
                        "{\"id\":\"e\",\"uri\":\"s3://b/e.mp3\",\"kind\":\"MUSIC\","
                                + "\"durationSeconds\":30.5,\"future\":\"ignored\"}");

        List<CatalogAsset> assets =
                JsonLinesAssetCatalog.parse(new StringReader(manifest), "inline");

        assertThat(assets).extracting(CatalogAsset::id).containsExactly("a", "e");
        assertThat(assets.get(1).kind()).isEqualTo(AssetKind.MUSIC);
        assertThat(assets.get(1).durationSeconds()).isEqualTo(30.5);
    }

    @Test
    void shouldLoadManifestThroughObjectStore() throws Exception {
        Path manifest = dir.resolve("assets.jsonl");
        JsonLinesAssetCatalog.write(List.of(FOX, SEA), manifest);
        String uri =
                InMemoryObjectStore.putBytes("catalog/assets.jsonl", Files.readAllBytes(manifest));

        AssetCatalog catalog =
                JsonLinesAssetCatalog.factory(InMemoryObjectStore.factory(), uri).create();

        assertThat(catalog.loadAll()).containsExactly(FOX, SEA);
    }

    @Test
    void shouldFailWhenManifestIsMissing() {
        AssetCatalog catalog =
                new JsonLinesAssetCatalog(
                        InMemoryObjectStore.factory(), "mem://test/nothing.jsonl");

        assertThatThrownBy(catalog::loadAll)
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("nothing.jsonl");
    }

    @Test
    void shouldRefuseToWriteInvalidAsset() {
        CatalogAsset noUri =
                new CatalogAsset(
                        "x",
                        null,
                        AssetKind.PHOTO,
                        0,
                        1,
                        1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);

        assertThatThrownBy(
                        () -> JsonLinesAssetCatalog.write(List.of(noUri), dir.resolve("m.jsonl")))
                .hasMessageContaining("uri of asset x");
    }
}
