package io.reelflow.operators.render;

import static io.reelflow.operators.render.ScriptSamples.BASSA_VAH;
import static io.reelflow.operators.render.ScriptSamples.OLD_HUNGARIAN;
import static io.reelflow.operators.render.ScriptSamples.TANGUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests for {@link RenderFonts}. */
class RenderFontsTest {

    private final RenderFonts fonts = RenderConfig.defaults().fonts();

    @Test
    void shouldFindEveryCommonScriptCoveredByTheBundledFonts() {
        String all =
                ScriptSamples.COVERED.stream()
                        .map(ScriptSamples.Sample::text)
                        .collect(Collectors.joining(" "));

        assertThat(fonts.missingScripts(all)).isEmpty();
        assertThat(fonts.warningFor(all)).isEmpty();
        assertThat(fonts.warningFor("Ein Gedicht 😀 mit Emoji ★")).isEmpty();
    }

    @Test
    void shouldWarnNamingEachScriptNoFontHasAndNoPath() {
        String text = "Hello " + OLD_HUNGARIAN + " and " + TANGUT + " and " + BASSA_VAH;

        assertThat(fonts.missingScripts(text))
                .containsExactly("Old Hungarian", "Tangut", "Bassa Vah");
        assertThat(fonts.warningFor(text))
                .hasValue(
                        "Old Hungarian, Tangut and Bassa Vah text has no font: it will be left out"
                                + " of burned-in subtitles and title cards; SRT and WebVTT keep"
                                + " it");
        assertThat(fonts.warningFor(text).orElseThrow()).doesNotContain("/");
    }

    @Test
    void shouldWordTheRenderNoteByWhereTheTextWasLeftOut() {
        assertThat(RenderFonts.leftOutNote(List.of("Old Hungarian"), List.of("title cards")))
                .isEqualTo(
                        "Old Hungarian text has no font: left out of title cards; SRT and WebVTT"
                                + " keep it");
        assertThat(
                        RenderFonts.leftOutNote(
                                List.of("Tangut", "Bassa Vah"),
                                List.of("burned-in subtitles", "title cards")))
                .isEqualTo(
                        "Tangut and Bassa Vah text has no font: left out of burned-in subtitles"
                                + " and title cards; SRT and WebVTT keep it");
    }

    @Test
    void shouldSurviveJavaSerializationAsAValue() throws Exception {
        RenderFonts value = new RenderFonts(List.of("/opt/fonts"), List.of("Noto Sans"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        Object copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(value);
        assertThat(((RenderFonts) copy).missingScripts("نص عربي")).isEmpty();
    }

    @Test
    void shouldRejectBlankPathsAndFamilies() {
        assertThatThrownBy(() -> new RenderFonts(List.of(""), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("font paths");
        assertThatThrownBy(() -> new RenderFonts(List.of(), List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("font families");
    }
}
