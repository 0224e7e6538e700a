package io.reelflow.connectors.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link AssetDescriptions}. */
class AssetDescriptionsTest {

    @Test
    void shouldMapFileNameToDescriptionAndTagsByHeaderNames() throws Exception {
        AssetDescriptions descriptions =
                parse(
                        "file\torientation\tdescription\ttags\n"
                                + "01-bridge.jpg\tlandscape\tA bridge at dawn\tbridge, sky ,,dawn\n"
                                + "\n"
                                + "02-fox.jpg\tportrait\tA fox\tfox;snow\n");

        assertThat(descriptions.size()).isEqualTo(2);
        AssetDescription bridge = descriptions.forFile("01-bridge.jpg").orElseThrow();
        assertThat(bridge.description()).isEqualTo("A bridge at dawn");
        assertThat(bridge.tags()).containsExactly("bridge", "sky", "dawn");
        assertThat(bridge.licence()).isNull();
        assertThat(descriptions.forFile("02-fox.jpg").orElseThrow().tags())
                .containsExactly("fox", "snow");
        assertThat(descriptions.forFile("03-missing.jpg")).isEmpty();
    }

    @Test
    void shouldReadLicenceAuthorAndSourceColumnsInAnyOrderAndCase() throws Exception {
        AssetDescriptions descriptions =
                parse(
                        "\uFEFFAuthor\tFile\tsource_package\tLicense\tURL\tTitle\tLang\tid\n"
                                + "Ada, 2018\tfox.jpg\tsome-package\tCC-BY-4.0\thttps://example.org/fox"
                                + "\tRed fox\tde\tfox-1\n");

        AssetDescription fox = descriptions.forFile("fox.jpg").orElseThrow();
        assertThat(fox.author()).isEqualTo("Ada, 2018");
        assertThat(fox.licence()).isEqualTo("CC-BY-4.0");
        assertThat(fox.sourceUrl()).isEqualTo("https://example.org/fox");
        assertThat(fox.title()).isEqualTo("Red fox");
        assertThat(fox.language()).isEqualTo("de");
        assertThat(fox.id()).isEqualTo("fox-1");
    }

    @Test
    void shouldTolerateRowsWithFewerCellsThanTheHeader() throws Exception {
        AssetDescriptions descriptions = parse("file\tdescription\ttags\nshort.jpg\tOnly this\n");

        AssetDescription shortRow = descriptions.forFile("short.jpg").orElseThrow();
        assertThat(shortRow.description()).isEqualTo("Only this");
        assertThat(shortRow.tags()).isEmpty();
    }

    @Test
    void shouldMergeFilesWithLaterValuesWinning(@TempDir Path dir) throws Exception {
        Path descriptionsFile =
                Files.writeString(
                        dir.resolve("DESCRIPTIONS.tsv"),
                        "file\tdescription\ttags\tauthor\nfox.jpg\tA fox\tfox\tSomeone\n");
        Path manifest =
                Files.writeString(
                        dir.resolve("MANIFEST.tsv"),
                        "file\tlicense\tauthor\nfox.jpg\tCC0-1.0\tAda\nowl.jpg\tCC-BY-4.0\t\n");

        AssetDescriptions merged = AssetDescriptions.read(List.of(descriptionsFile, manifest));

        AssetDescription fox = merged.forFile("fox.jpg").orElseThrow();
        assertThat(fox.description()).isEqualTo("A fox");
        assertThat(fox.tags()).containsExactly("fox");
        assertThat(fox.licence()).isEqualTo("CC0-1.0");
        assertThat(fox.author()).isEqualTo("Ada");
        assertThat(merged.forFile("owl.jpg").orElseThrow().author()).isNull();
    }

    @Test
    void shouldRefuseTsvWithoutFileColumn() {
        assertThatThrownBy(() -> parse("description\ttags\nA fox\tfox\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv has no file column");
    }

    @Test
    void shouldNameTheLineOfARowWithoutFileName() {
        assertThatThrownBy(() -> parse("file\tdescription\nfox.jpg\tA fox\n\tnameless\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv line 3 has no file name");
    }

    @Test
    void shouldRefuseEmptyTsv() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
    }

    private static AssetDescriptions parse(String tsv) throws Exception {
        return AssetDescriptions.parse(new StringReader(tsv), "test.tsv");
    }
}
