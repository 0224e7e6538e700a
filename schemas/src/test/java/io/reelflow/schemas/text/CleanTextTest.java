package io.reelflow.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link CleanText}. */
class CleanTextTest {
    @Test
    void shouldRemoveZeroBytesAndControlsButKeepLineBreaksForSinks() {
        assertThat(CleanText.forSink("a\u0000b\u0007c\nd\te\u009f", 100)).isEqualTo("abc\nd\te");
    }

    @Test
    void shouldCutLongSinkTextWithAnEllipsisWithoutSplittingASurrogatePair() {
        String text = "ab\uD83C\uDFACcd";
        assertThat(CleanText.forSink(text, 4)).isEqualTo("ab" + CleanText.ELLIPSIS);
        assertThat(CleanText.forSink("x".repeat(50), 10)).hasSize(10).endsWith(CleanText.ELLIPSIS);
    }

    @Test
    void shouldDropLoneSurrogatesThatUtf8CannotEncode() {
        assertThat(CleanText.forSink("a\uD800b\uDC00c", 10)).isEqualTo("abc");
        assertThat(CleanText.forSink("\uD83C\uDFAC", 10)).isEqualTo("\uD83C\uDFAC");
    }

    @Test
    void shouldQuoteValuesWithControlsEscapedAndLengthBounded() {
        assertThat(CleanText.quoted("720p\u0000", 40)).isEqualTo("'720p\\u0000'");
        assertThat(CleanText.quoted("x".repeat(100), 5))
                .isEqualTo("'xxxxx" + CleanText.ELLIPSIS + "'");
        assertThat(CleanText.quoted(null, 5)).isEqualTo("null");
    }

    @Test
    void shouldSeeTextOfOnlyControlsOrInvisibleCharactersAsEmpty() {
        assertThat(CleanText.isEmptyWhenCleaned("\u0001\u0002 \u0003\t\n")).isTrue();
        assertThat(CleanText.isEmptyWhenCleaned("\u200b\ufeff\u200d")).isTrue();
        assertThat(CleanText.isEmptyWhenCleaned("\u0001ok")).isFalse();
        assertThat(CleanText.readable("\u0001 Hello\u0000 world \u0002")).isEqualTo("Hello world");
    }
}
