package io.reelflow.operators.scene.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps text into lines of at most a given width in columns, breaking where Unicode line breaking
 * (UAX #14, via ICU) allows: at spaces, between CJK characters (but not before {@code 。、}), and
 * between Thai words; Korean only between words, as Korean typesetting breaks. Wide characters
 * (CJK, full-width forms) count two columns, combining marks and format characters none.
 */
public final class LineWrapper {

    private LineWrapper() {}

    private static final java.util.regex.Pattern WHITESPACE_RUN =
            java.util.regex.Pattern.compile("[\\s\\u0085\\u2028\\u2029]+");

    /** The lines of {@code text}, trimmed, none wider than {@code maxWidth} columns. */
    public static List<String> wrap(String text, ULocale locale, int maxWidth) {
        List<String> lines = new ArrayList<>();
        // Line breaks in the text are not cue line breaks: a raw newline inside a cue would end the
        // SRT block early. Whitespace runs become one space; the wrapper decides the lines.
        String trimmed = WHITESPACE_RUN.matcher(text).replaceAll(" ").strip();
        if (trimmed.isEmpty()) {
            return lines;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(lineBreakLocale(locale));
        breaks.setText(trimmed);
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String chunk = trimmed.substring(start, end);
            String visible = chunk.stripTrailing();
            int visibleWidth = width(visible);
            if (lineWidth + visibleWidth <= maxWidth) {
                line.append(chunk);
                lineWidth += width(chunk);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
                lineWidth = 0;
            }
            if (visibleWidth <= maxWidth) {
                line.append(chunk);
                lineWidth = width(chunk);
            } else {
                // one unbreakable run (a long word or URL-like token): cut between characters
                List<String> pieces = hardSplit(visible, maxWidth);
                lines.addAll(pieces.subList(0, pieces.size() - 1));
                line.append(pieces.get(pieces.size() - 1))
                        .append(chunk.substring(visible.length()));
                lineWidth = width(line.toString());
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    /** Columns {@code text} takes on screen. */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += width(cp);
        }
        return width;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || type == Character.CONTROL) {
            return 0;
        }
        int eastAsian = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return eastAsian == UCharacter.EastAsianWidth.WIDE
                        || eastAsian == UCharacter.EastAsianWidth.FULLWIDTH
                ? 2
                : 1;
    }

    /** Cuts between grapheme clusters into pieces of at most {@code maxWidth} columns. */
    /**
     * Korean puts spaces between words and breaks lines only there; UAX #14 alone allows a break
     * between any two Hangul syllables, which cut 천천히 ("slowly") after its first syllable. ICU's
     * {@code lw=phrase} keeps Korean words whole (a locale that names its own {@code lw} keeps it).
     */
    static ULocale lineBreakLocale(ULocale locale) {
        if ("ko".equals(locale.getLanguage()) && locale.getKeywordValue("lw") == null) {
            return locale.setKeywordValue("lw", "phrase");
        }
        return locale;
    }

    private static List<String> hardSplit(String text, int maxWidth) {
        List<String> pieces = new ArrayList<>();
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(text);
        StringBuilder piece = new StringBuilder();
        int pieceWidth = 0;
        int start = graphemes.first();
        for (int end = graphemes.next();
                end != BreakIterator.DONE;
                start = end, end = graphemes.next()) {
            String cluster = text.substring(start, end);
            int w = width(cluster);
            if (pieceWidth + w > maxWidth && piece.length() > 0) {
                pieces.add(piece.toString());
                piece.setLength(0);
                pieceWidth = 0;
            }
            piece.append(cluster);
            pieceWidth += w;
        }
        if (piece.length() > 0) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
