package io.reelflow.operators.render.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps scene text into subtitle lines and splits the lines into pages shown one after another.
 * Text is only ever drawn as data, so no character needs escaping.
 */
public final class CueText {

    /** The usual subtitle line limit (Netflix/BBC guidelines use 37-42). */
    public static final int MAX_CHARS_PER_LINE = 42;

    /** Lines on screen at once for burned-in subtitles. */
    public static final int MAX_LINES_PER_PAGE = 2;

    private CueText() {}

    /**
     * Collapses whitespace (newlines included), drops control characters and wraps at word
     * boundaries into lines of at most {@code maxChars} code points; a longer word is cut.
     */
    public static List<String> wrap(String text, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lineLength = 0;
        for (String word : normalise(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            int wordLength = word.codePointCount(0, word.length());
            if (lineLength > 0 && lineLength + 1 + wordLength <= maxChars) {
                line.append(' ').append(word);
                lineLength += 1 + wordLength;
                continue;
            }
            if (lineLength > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineLength = 0;
            }
            int offset = 0;
            while (wordLength - offset > maxChars) {
                int from = word.offsetByCodePoints(0, offset);
                int to = word.offsetByCodePoints(from, maxChars);
                lines.add(word.substring(from, to));
                offset += maxChars;
            }
            String rest = word.substring(word.offsetByCodePoints(0, offset));
            line.append(rest);
            lineLength = wordLength - offset;
        }
        if (lineLength > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Groups lines into pages of at most {@code maxLines}. */
    public static <T> List<List<T>> pages(List<T> lines, int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be positive, was " + maxLines);
        }
        List<List<T>> pages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += maxLines) {
            pages.add(List.copyOf(lines.subList(i, Math.min(lines.size(), i + maxLines))));
        }
        return pages;
    }

    /**
     * The page to show on {@code frame} of a scene with {@code frameCount} frames. Each page gets a
     * share of the scene proportional to its length, so reading speed stays even.
     */
    public static int pageAt(List<List<String>> pages, int frame, int frameCount) {
        if (pages.size() <= 1 || frameCount <= 0) {
            return 0;
        }
        long total = 0;
        for (List<String> page : pages) {
            total += weight(page);
        }
        long elapsed = 0;
        for (int p = 0; p < pages.size(); p++) {
            elapsed += weight(pages.get(p));
            long pageEnd = Math.round((double) elapsed * frameCount / total);
            if (frame < pageEnd) {
                return p;
            }
        }
        return pages.size() - 1;
    }

    private static long weight(List<String> page) {
        long chars = 0;
        for (String line : page) {
            chars += line.codePointCount(0, line.length());
        }
        return Math.max(1, chars);
    }

    /** Whitespace and control characters become single spaces; the result is trimmed. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.isISOControl(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
