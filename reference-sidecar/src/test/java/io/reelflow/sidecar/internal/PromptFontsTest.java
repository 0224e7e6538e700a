package io.reelflow.sidecar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator;
import org.junit.jupiter.api.Test;

/** Tests for {@link PromptFonts}. */
class PromptFontsTest {

    @Test
    void shouldDrawEveryCharacterOfAMixedScriptPromptWithAFontThatHasIt() {
        String prompt = "cinematic shot of नदी, 月光, قافلة";

        AttributedCharacterIterator styled = PromptFonts.styled(prompt, 20).getIterator();

        for (char c = styled.first(); c != AttributedCharacterIterator.DONE; c = styled.next()) {
            Font font = (Font) styled.getAttribute(TextAttribute.FONT);
            if (!Character.isSurrogate(c)) {
                assertThat(font.canDisplay(c)).as("a glyph for %s in %s", c, font).isTrue();
            }
            assertThat(font.getSize()).isEqualTo(20);
        }
    }

    @Test
    void shouldDrawLatinWithRoboto() {
        AttributedCharacterIterator styled = PromptFonts.styled("a lighthouse", 12).getIterator();

        assertThat(((Font) styled.getAttribute(TextAttribute.FONT)).getFamily())
                .startsWith("Roboto");
    }
}
