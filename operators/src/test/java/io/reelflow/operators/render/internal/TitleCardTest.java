package io.reelflow.operators.render.internal;

import static io.reelflow.operators.render.ScriptSamples.TANGUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.render.RenderConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link TitleCard}. */
class TitleCardTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    private final FontLibrary fonts = FontLibrary.of(List.of(), RenderConfig.DEFAULT_FONT_FAMILIES);

    @Test
    void shouldDrawChineseVerseWithTheBundledFonts() {
        TitleCard card = new TitleCard("《静夜思》床前明月光", WIDTH, HEIGHT, fonts, "zh");

        assertThat(card.missingScripts()).isEmpty();
        assertThat(differingBytes(card, blank())).isGreaterThan(200);
    }

    @Test
    void shouldShowOnlyTheBackgroundWhenNoFontHasAnyOfTheText() {
        TitleCard card = new TitleCard(TANGUT, WIDTH, HEIGHT, fonts, "en");

        assertThat(card.missingScripts()).containsExactly("Tangut");
        assertThat(differingBytes(card, blank())).isZero();
    }

    @Test
    void shouldDrawTheRestWhenSomeScriptHasNoFont() {
        TitleCard card = new TitleCard("Title " + TANGUT + " here", WIDTH, HEIGHT, fonts, "en");
        TitleCard latinOnly = new TitleCard("Title here", WIDTH, HEIGHT, fonts, "en");

        assertThat(card.missingScripts()).containsExactly("Tangut");
        assertThat(differingBytes(card, blank())).isGreaterThan(200);
        assertThat(differingBytes(card, latinOnly)).isZero();
    }

    private TitleCard blank() {
        return new TitleCard("", WIDTH, HEIGHT, fonts, "en");
    }

    private static int differingBytes(TitleCard card, TitleCard other) {
        Canvas a = new Canvas(WIDTH, HEIGHT);
        Canvas b = new Canvas(WIDTH, HEIGHT);
        card.paint(a, 0, 25);
        other.paint(b, 0, 25);
        int differing = 0;
        for (int i = 0; i < a.data().length; i++) {
            if (a.data()[i] != b.data()[i]) {
                differing++;
            }
        }
        return differing;
    }
}
