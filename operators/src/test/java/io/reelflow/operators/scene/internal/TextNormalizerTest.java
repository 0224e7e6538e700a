package io.reelflow.operators.scene.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link TextNormalizer}. */
class TextNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "## Heading ##|Heading",
                "**bold** and __strong__|bold and strong",
                "*it* and _em_ but snake_case_name|it and em but snake_case_name",
                "~~gone~~ here|gone here",
                "[the link](https://x.org/a?b=c) text|the link text",
                "![an image](img.png) caption|caption",
                "see https://example.com/path?q=1 and www.example.org now|see and now",
                "<https://example.com> autolink|autolink",
                "<b>bold</b> tag|bold tag",
                "`inline` code|inline code",
                "> quoted text|quoted text",
                "- bullet item|bullet item",
                "* star item|star item",
                "12. numbered item|numbered item",
                "• dot item|dot item",
                "#sunset over the sea|sunset over the sea",
                "Hello 👋🏽 world 👨‍👩‍👧 !|Hello world !",
                "Flags 🇨🇭 and keycaps 1️⃣|Flags and keycaps 1",
                "a   lot\t of\u00A0 space|a lot of space",
            })
    void shouldStripMarkupButKeepSpokenText(String input, String expected) {
        assertThat(TextNormalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void shouldJoinSoftWrappedParagraphLinesAndSeparateBlocks() {
        String text =
                "# Title\nFirst line\ncontinues here.\n\nSecond paragraph.\n- item one\n- item two";

        assertThat(TextNormalizer.normalize(text))
                .isEqualTo(
                        "Title\nFirst line continues here.\nSecond paragraph.\nitem one\nitem two");
    }

    @Test
    void shouldDropCodeFencesRulesTablesSeparatorsAndReferenceDefinitions() {
        String text =
                "Before.\n```java\nint x = 1;\n```\n---\n| a | b |\n|---|---|\n| one | two |\n"
                        + "[ref]: https://example.com\nAfter.";

        assertThat(TextNormalizer.normalize(text)).isEqualTo("Before.\na b\none two\nAfter.");
    }

    @Test
    void shouldDropEmojiOnlyAndPunctuationOnlyLines() {
        assertThat(TextNormalizer.normalize("Start.\n🎉🎉🎉\n...\n😀 👍\nEnd."))
                .isEqualTo("Start. End.");
    }

    @Test
    void shouldDropControlCharactersAndUnpairedSurrogates() {
        String text = "A\u0000B\u0007C \uD800D\uDC00E\r\nF\u200BG\u00ADH \uD83D\uDE00";

        assertThat(TextNormalizer.normalize(text)).isEqualTo("ABC DE FGH");
    }

    @Test
    void shouldKeepJoinersThatScriptsNeed() {
        String persian = "می\u200Cخواهم";

        assertThat(TextNormalizer.normalize(persian)).isEqualTo(persian);
    }

    @Test
    void shouldReturnEmptyForNothingSpeakable() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize("  \n\n ")).isEmpty();
        assertThat(TextNormalizer.normalize("https://example.com")).isEmpty();
    }

    @Test
    void shouldNormaliseLongLineWithManyMarkupCharacters() {
        String text = "[*_`<".repeat(200_000);

        assertThat(TextNormalizer.normalize(text)).doesNotContain("*");
    }

    @Test
    void shouldKeepDialogueDashLinesAsOwnLines() {
        assertThat(TextNormalizer.normalize("— Где ты?\n— Здесь.\n— Иду!"))
                .isEqualTo("— Где ты?\n— Здесь.\n— Иду!");
    }
}
