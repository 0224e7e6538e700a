package io.reelflow.operators.render.internal;

import static io.reelflow.operators.render.ScriptSamples.BASSA_VAH;
import static io.reelflow.operators.render.ScriptSamples.OLD_HUNGARIAN;
import static io.reelflow.operators.render.ScriptSamples.TANGUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.fonts.BundledFonts;
import io.reelflow.operators.render.RenderConfig;
import io.reelflow.operators.render.ScriptSamples;
import io.reelflow.operators.render.ScriptSamples.Sample;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests for {@link FontLibrary}: the bundled fonts alone, and with the DejaVu fonts (Debian {@code
 * fonts-dejavu-core}) that every build machine has as the user's own.
 */
class FontLibraryTest {

    static final List<Path> DEJAVU_ONLY = List.of(Path.of("/usr/share/fonts/truetype/dejavu"));

    private final FontLibrary bundled =
            FontLibrary.of(List.of(), RenderConfig.DEFAULT_FONT_FAMILIES);

    private final FontLibrary withDejaVu = FontLibrary.of(DEJAVU_ONLY, List.of("DejaVu Sans"));

    static Stream<Sample> coveredScripts() {
        return ScriptSamples.COVERED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coveredScripts")
    void shouldDrawEveryRequiredScriptWithRealGlyphsOfTheBundledFonts(Sample sample) {
        FontRuns runs = bundled.runs(sample.text(), sample.language());

        assertThat(runs.missingScripts()).isEmpty();
        assertThat(runs.text()).isEqualTo(sample.text());
        for (FontRuns.Run run : runs.runs()) {
            String part = runs.text().substring(run.start(), run.end());
            Font font = run.font().deriveFont(40f);
            assertThat(font.getFamily(Locale.ROOT)).as(part).contains(sample.family());
            assertThat(font.canDisplayUpTo(part)).as(part).isEqualTo(-1);
            // Shaped as drawn: no glyph of the layout may be the font's empty box.
            char[] chars = part.toCharArray();
            GlyphVector glyphs =
                    font.layoutGlyphVector(
                            TextBlock.CONTEXT, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
            for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
                assertThat(glyphs.getGlyphCode(i))
                        .as(part)
                        .isNotEqualTo(font.getMissingGlyphCode());
            }
        }
        assertThat(inkOf(List.of(runs))).as(sample.script()).isGreaterThan(60);
    }

    @Test
    void shouldSplitAMixedScriptLineIntoRunsThatEachHaveTheirFont() {
        FontRuns hindi = bundled.runs("नमस्ते John, आज 5 बजे", "hi");
        FontRuns arabic = bundled.runs("مرحبا 2024 Reelflow", "ar");

        assertThat(hindi.runs()).hasSizeGreaterThan(1);
        assertThat(hindi.fonts())
                .extracting(font -> font.getFamily(Locale.ROOT))
                .anyMatch(family -> family.contains("Devanagari"))
                .anyMatch(family -> family.contains("Roboto"));
        assertThat(arabic.runs()).hasSize(2);
        // Digits and spaces stay with the Arabic run, so bidi and shaping see them together.
        assertThat(arabic.text().substring(0, arabic.runs().get(1).start()))
                .isEqualTo("مرحبا 2024 ");
        assertThat(arabic.missingScripts()).isEmpty();
        assertThat(inkOf(List.of(hindi, arabic))).isGreaterThan(200);
    }

    @Test
    void shouldLeaveOutEmojiQuietlyAndDrawTheRest() {
        FontRuns runs = bundled.runs("東京タワー 😀 Tokyo", "ja");

        assertThat(runs.text()).isEqualTo("東京タワー Tokyo");
        assertThat(runs.missingScripts()).isEmpty();
        assertThat(runs.runs()).hasSizeGreaterThan(1);
    }

    @Test
    void shouldLeaveOutScriptsNoFontHasAndNameThem() {
        FontRuns runs =
                bundled.runs(
                        "Hello " + OLD_HUNGARIAN + " world " + TANGUT + " and " + BASSA_VAH, "en");

        assertThat(runs.text()).isEqualTo("Hello world and");
        assertThat(runs.missingScripts()).containsExactly("Old Hungarian", "Tangut", "Bassa Vah");
        assertThat(bundled.missingScripts(OLD_HUNGARIAN)).containsExactly("Old Hungarian");
        assertThat(bundled.runs(OLD_HUNGARIAN, "en").isBlank()).isTrue();
    }

    @Test
    void shouldKeepDirectionMarksInTheRunOfTheirText() {
        FontRuns runs = bundled.runs("\u200Fשלום\u200F", "he");

        assertThat(runs.text()).isEqualTo("\u200Fשלום\u200F");
        assertThat(runs.runs()).hasSize(1);
        assertThat(runs.missingScripts()).isEmpty();
    }

    @Test
    void shouldDrawHanWithTheRegionalFaceOfTheLanguage() {
        assertThat(bundled.runs("静夜思", "zh").fonts().get(0).getFamily(Locale.ROOT))
                .contains("CJK SC");
        assertThat(bundled.runs("静夜思", "ja").fonts().get(0).getFamily(Locale.ROOT))
                .contains("CJK JP");
        assertThat(bundled.runs("한국어", "ko").fonts().get(0).getFamily(Locale.ROOT))
                .contains("CJK KR");
        assertThat(bundled.runs("静夜思", null).fonts().get(0).getFamily(Locale.ROOT))
                .contains("CJK")
                .doesNotContain("Mono");
    }

    @Test
    void shouldTryTheUsersFontsFirstBoldFaceOfThePreferredFamilyFirst() {
        List<String> candidates = withDejaVu.candidates();

        assertThat(candidates.get(0)).isEqualTo("DejaVuSans-Bold.ttf");
        List<String> bundledOnly = FontLibrary.of(List.of(), List.of("DejaVu Sans")).candidates();
        assertThat(candidates).endsWith(bundledOnly.toArray(String[]::new));
        assertThat(candidates.subList(0, candidates.size() - bundledOnly.size()))
                .isNotEmpty()
                .allMatch(name -> name.startsWith("DejaVu"));
        for (String text : List.of("Привет, мир", "Καλημέρα κόσμε", "שלום עולם", "مرحبا بالعالم")) {
            FontRuns runs = withDejaVu.runs(text, null);
            assertThat(runs.fonts())
                    .as(text)
                    .allMatch(font -> font.getFamily(Locale.ROOT).startsWith("DejaVu Sans"));
        }
    }

    @Test
    void shouldFallBackToTheBundledFontsForScriptsTheUsersFontsLack() {
        FontRuns runs = withDejaVu.runs("Hello 中文 नमस्ते", "en");

        assertThat(runs.missingScripts()).isEmpty();
        assertThat(runs.fonts())
                .extracting(font -> font.getFamily(Locale.ROOT))
                .anyMatch(family -> family.startsWith("DejaVu Sans"))
                .anyMatch(family -> family.contains("CJK"))
                .anyMatch(family -> family.contains("Devanagari"));
    }

    @Test
    void shouldHaveTheBundledFontsWhenAConfiguredDirectoryIsMissing() {
        FontLibrary missing = FontLibrary.of(List.of(Path.of("/no/such/fonts")), List.of());

        assertThat(missing.candidates()).hasSize(BundledFonts.all().size());
        assertThat(missing.missingScripts("Hello 世界")).isEmpty();
    }

    @Test
    void shouldPreferBoldFacesAndTheFirstPreferredFamily() {
        assertThat(bundled.candidates()).startsWith("Roboto-Bold.ttf", "Roboto-Regular.ttf");
        assertThat(bundled.candidates().indexOf("NotoSansThai-Bold.ttf"))
                .isLessThan(bundled.candidates().indexOf("NotoSansThai-Regular.ttf"));
    }

    /** Pixels with ink when {@code lines} are drawn white at 40 px on a transparent image. */
    static int inkOf(List<FontRuns> lines) {
        TextBlock block = TextBlock.of(lines, FontLibrary.of(List.of(), List.of()).primary(), 40f);
        BufferedImage image =
                new BufferedImage(
                        (int) Math.ceil(block.widest()) + 20,
                        block.height() + 20,
                        BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            block.draw(g, image.getWidth() / 2, 10, java.awt.Color.WHITE, null, 0);
        } finally {
            g.dispose();
        }
        int ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 128) {
                    ink++;
                }
            }
        }
        return ink;
    }
}
