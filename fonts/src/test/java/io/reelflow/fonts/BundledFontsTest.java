package io.reelflow.fonts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Tests for {@link BundledFonts}. */
class BundledFontsTest {

    @Test
    void shouldListExactlyTheFontFilesTheBuildUnpacked() throws IOException, URISyntaxException {
        URL index = getClass().getClassLoader().getResource(BundledFonts.INDEX);
        assertThat(index).isNotNull();
        assertThat(index.getProtocol())
                .as("tests run from the classes directory")
                .isEqualTo("file");
        Path folder = Path.of(index.toURI()).getParent();
        List<String> unpacked;
        try (Stream<Path> files = Files.list(folder)) {
            unpacked =
                    files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".ttf") || name.endsWith(".ttc"))
                            .sorted()
                            .toList();
        }

        assertThat(BundledFonts.all())
                .extracting(BundledFonts.Entry::file)
                .containsExactlyElementsOf(unpacked);
    }

    @Test
    void shouldBundleRobotoNotoScriptFontsAndOnlyTheRegularCjkWeight() {
        List<String> files = BundledFonts.all().stream().map(BundledFonts.Entry::file).toList();

        assertThat(files)
                .contains(
                        "Roboto-Regular.ttf",
                        "Roboto-Bold.ttf",
                        "NotoNaskhArabic-Regular.ttf",
                        "NotoSansHebrew-Regular.ttf",
                        "NotoSansDevanagari-Bold.ttf",
                        "NotoSansKhmerUI-Regular.ttf",
                        "NotoSansEthiopic-Regular.ttf",
                        "NotoSansTibetan-Regular.ttf",
                        "NotoSansCherokee-Regular.ttf",
                        "NotoSansCJK-Regular.ttc")
                .noneMatch(file -> file.startsWith("NotoSansCJK-") && !file.contains("Regular"))
                .noneMatch(file -> file.contains("UI-") && !file.startsWith("NotoSansKhmerUI"))
                .noneMatch(file -> file.endsWith("Italic.ttf") || file.contains("Emoji"));
    }

    @Test
    void shouldOpenEveryFileAsAFontWithItsLicenceNextToIt() throws Exception {
        for (BundledFonts.Entry entry : BundledFonts.all()) {
            Font[] faces;
            try (InputStream in = entry.open()) {
                faces = Font.createFonts(in);
            }
            assertThat(faces).as(entry.file()).isNotEmpty();
            assertThat(entry.licence())
                    .as(entry.file())
                    .isEqualTo(entry.file().startsWith("Roboto") ? "Apache-2.0" : "OFL-1.1");
            assertThat(getClass().getClassLoader().getResource(entry.licenceResource()))
                    .as(entry.licenceResource())
                    .isNotNull();
        }
    }

    @Test
    void shouldCarryTheRegionalCjkFacesInOneCollection() throws Exception {
        BundledFonts.Entry cjk =
                BundledFonts.all().stream()
                        .filter(e -> e.file().equals("NotoSansCJK-Regular.ttc"))
                        .findFirst()
                        .orElseThrow();
        Font[] faces;
        try (InputStream in = cjk.open()) {
            faces = Font.createFonts(in);
        }

        // Android's copies name their families "Noto Sans CJK JP Regular" and so on.
        List<String> families = Arrays.stream(faces).map(Font::getFamily).toList();
        for (String region : List.of("JP", "KR", "SC", "TC")) {
            assertThat(families).anyMatch(family -> family.startsWith("Noto Sans CJK " + region));
        }
        assertThat(faces[0].canDisplayUpTo("《静夜思》床前明月光 こんにちは 안녕하세요")).isEqualTo(-1);
    }

    @Test
    void shouldNameTheSourceArtifactAndTheLicencesInTheNotice() throws IOException {
        String notice;
        try (InputStream in =
                getClass()
                        .getClassLoader()
                        .getResourceAsStream(BundledFonts.FOLDER + "NOTICE.txt")) {
            assertThat(in).isNotNull();
            notice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(notice)
                .contains(
                        "org.robolectric:nativeruntime-dist-compat:1.0.19",
                        "SIL Open Font License, Version 1.1",
                        "Apache License, Version 2.0");
    }
}
