package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link CueText}. */
class CueTextTest {

    @Test
    void shouldWrapAtWordBoundariesWithinTheLineLimit() {
        List<String> lines =
                CueText.wrap(
                        "The quick brown fox jumps over the lazy dog while the cat watches from the"
                                + " window sill",
                        42);

        assertThat(lines)
                .containsExactly(
                        "The quick brown fox jumps over the lazy",
                        "dog while the cat watches from the window",
                        "sill");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
    }

    @Test
    void shouldCutWordsLongerThanALine() {
        assertThat(CueText.wrap("a " + "x".repeat(50) + " b", 20))
                .containsExactly("a", "x".repeat(20), "x".repeat(20), "x".repeat(10) + " b");
    }

    @Test
    void shouldCollapseNewlinesTabsAndControlCharacters() {
        assertThat(CueText.wrap("  one\ntwo\r\n\tthree\u0000four  ", 42))
                .containsExactly("one two three four");
    }

    @Test
    void shouldCountCodePointsNotUtf16Units() {
        String emoji = "\uD83C\uDFAC"; // one code point, two chars
        List<String> lines = CueText.wrap(emoji.repeat(5), 4);

        assertThat(lines).containsExactly(emoji.repeat(4), emoji);
    }

    @Test
    void shouldReturnNoLinesForBlankText() {
        assertThat(CueText.wrap(" \n ", 42)).isEmpty();
        assertThat(CueText.wrap(null, 42)).isEmpty();
    }

    @Test
    void shouldGroupLinesIntoPages() {
        assertThat(CueText.pages(List.of("a", "b", "c"), 2))
                .containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void shouldShowPagesForTimeProportionalToTheirLength() {
        List<List<String>> pages = List.of(List.of("x".repeat(30)), List.of("y".repeat(10)));

        assertThat(CueText.pageAt(pages, 0, 40)).isZero();
        assertThat(CueText.pageAt(pages, 29, 40)).isZero();
        assertThat(CueText.pageAt(pages, 30, 40)).isEqualTo(1);
        assertThat(CueText.pageAt(pages, 39, 40)).isEqualTo(1);
    }

    @Test
    void shouldRejectANonPositiveLineLimit() {
        assertThatThrownBy(() -> CueText.wrap("x", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChars");
    }
}
