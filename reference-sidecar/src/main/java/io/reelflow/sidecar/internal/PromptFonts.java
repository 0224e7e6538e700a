package io.reelflow.sidecar.internal;

import io.reelflow.fonts.BundledFonts;
import java.awt.Font;
import java.awt.font.TextAttribute;
import java.io.InputStream;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/**
 * Fonts for the prompt the demo clips show: the regular faces of the fonts the renderer ships, so a
 * Hindi or Chinese prompt is legible rather than boxes. Loaded once per JVM, on first use.
 */
public final class PromptFonts {
    private static volatile List<Font> loaded;

    private PromptFonts() {}

    /**
     * {@code text} with each character in the first bundled font that has its glyph (Roboto for
     * Latin), so a prompt mixing scripts draws every one of them; characters no font has keep
     * Java's logical sans-serif.
     */
    public static AttributedString styled(String text, int size) {
        AttributedString styled = new AttributedString(text);
        Font fallback = new Font(Font.SANS_SERIF, Font.PLAIN, size);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            styled.addAttribute(TextAttribute.FONT, fontFor(codePoint, size, fallback), i, next);
            i = next;
        }
        return styled;
    }

    /** The first bundled font that draws {@code codePoint}. */
    static Font fontFor(int codePoint, int size, Font fallback) {
        for (Font font : fonts()) {
            if (font.canDisplay(codePoint)) {
                return font.deriveFont(Font.PLAIN, size);
            }
        }
        return fallback;
    }

    private static List<Font> fonts() {
        List<Font> fonts = loaded;
        if (fonts == null) {
            synchronized (PromptFonts.class) {
                fonts = loaded;
                if (fonts == null) {
                    fonts = load();
                    loaded = fonts;
                }
            }
        }
        return fonts;
    }

    private static List<Font> load() {
        List<BundledFonts.Entry> regular = new ArrayList<>();
        for (BundledFonts.Entry entry : BundledFonts.all()) {
            if (entry.file().contains("-Regular")) {
                // Roboto first: Latin prompts get the renderer's Latin face, not a script font's.
                regular.add(entry.file().startsWith("Roboto") ? 0 : regular.size(), entry);
            }
        }
        List<Font> fonts = new ArrayList<>();
        for (BundledFonts.Entry entry : regular) {
            try (InputStream in = entry.open()) {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, in));
            } catch (Exception e) {
                // A face that does not load is one fewer script with glyphs; the clip still
                // renders.
            }
        }
        return List.copyOf(fonts);
    }
}
