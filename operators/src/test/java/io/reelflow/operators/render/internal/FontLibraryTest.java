package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link FontLibrary}, with only the DejaVu fonts (Debian {@code fonts-dejavu-core}) that
 * every build machine has.
 */
class FontLibraryTest {

    static final List<Path> DEJAVU_ONLY = List.of(Path.of("/usr/share/fonts/truetype/dejavu"));

    private final FontLibrary library =
            FontLibrary.of(DEJAVU_ONLY, List.of("Noto Sans", "DejaVu Sans"));

    @Test
    void shouldPreferTheBoldFaceOfTheFirstPreferredFamily() {
        assertThat(library.candidates().get(0).getFileName().toString())
                .isEqualTo("DejaVuSans-Bold.ttf");
    }

    @Test
    void shouldFindAFontForLatinCyrillicGreekHebrewAndArabic() {
        for (String text :
                List.of(
                        "It's 50% off: C:\\\\path",
                        "Привет, мир", "Καλημέρα κόσμε", "שלום עולם", "مرحبا بالعالم")) {
            Font font = library.fontFor(text);
            assertThat(font.canDisplayUpTo(text.replace(" ", ""))).as(text).isEqualTo(-1);
            assertThat(font.getFamily()).as(text).startsWith("DejaVu Sans");
        }
    }

    @Test
    void shouldIgnoreDirectionMarksAndEmojiWhenCheckingCoverage() {
        assertThat(library.fontFor("\u200Fשלום\u200F 😀")).isNotNull();
    }

    @Test
    void shouldFailClearlyWhenNoFontCoversHan() {
        assertThatThrownBy(() -> library.fontFor("Hello 中文"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no configured font covers 中 (U+4E2D, Han)")
                .hasMessageContaining("font paths searched: /usr/share/fonts/truetype/dejavu")
                .hasMessageContaining("install fonts-noto-cjk");
    }

    @Test
    void shouldSuggestNotoCoreForOtherScripts() {
        assertThatThrownBy(() -> library.fontFor("नमस्ते"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Devanagari")
                .hasMessageContaining("install fonts-noto-core");
    }

    @Test
    void shouldFindNothingInAMissingDirectory() {
        FontLibrary empty = FontLibrary.of(List.of(Path.of("/no/such/fonts")), List.of());

        assertThat(empty.candidates()).isEmpty();
        assertThatThrownBy(() -> empty.fontFor("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/no/such/fonts (0 font files)");
    }
}
