package io.reelflow.schemas.text;

/**
 * Makes untrusted text safe for where it goes: a sink column, a log line, an error reason. Every
 * string a client sent may hold zero bytes (PostgreSQL refuses {@code \u0000} in text), other
 * control characters, lone surrogates (not encodable as UTF-8) or megabytes; these helpers bound
 * and clean it without throwing.
 *
 * <pre>{@code
 * String reason = "unsupported resolution " + CleanText.quoted(request.getResolution(), 40);
 * String column = CleanText.forSink(result.getError(), 4_000);
 * }</pre>
 */
public final class CleanText {
    /** Appended where text was cut. */
    public static final String ELLIPSIS = "\u2026";

    private CleanText() {}

    /**
     * {@code text} without control characters other than tab and line breaks, without lone
     * surrogates and unassigned noncharacters, cut to {@code maxChars}; {@code null} stays null.
     */
    public static String forSink(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        return cut(strip(text, true), maxChars);
    }

    /**
     * Request text as the pipeline should see it: control characters other than tab and line breaks
     * removed, lone surrogates removed, then stripped of surrounding white space. Empty when
     * nothing readable is left.
     */
    public static String readable(String text) {
        return text == null ? "" : strip(text, true).strip();
    }

    /**
     * {@code value} for quoting inside a message: in single quotes, control characters and lone
     * surrogates written as {@code \\uXXXX}, cut to {@code maxChars} characters of the value; the
     * word {@code null} for null.
     */
    public static String quoted(String value, int maxChars) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxChars) + 8).append('\'');
        int taken = 0;
        for (int i = 0; i < value.length() && taken < maxChars; i++, taken++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || isLoneSurrogate(value, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        if (taken < value.length() && out.length() > 0) {
            out.append(ELLIPSIS);
        }
        return out.append('\'').toString();
    }

    /** Whether {@code text} has nothing readable once control characters and spaces are gone. */
    public static boolean isEmptyWhenCleaned(String text) {
        return readable(text).chars().allMatch(c -> Character.isWhitespace(c) || isInvisible(c));
    }

    private static String strip(String text, boolean keepLineBreaks) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep =
                    (keepLineBreaks && (c == '\t' || c == '\n' || c == '\r'))
                            || !(Character.isISOControl(c) || isLoneSurrogate(text, i));
            if (!keep && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String cut(String text, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    /** Format characters that draw nothing: zero-width spaces and joiners, the BOM, bidi marks. */
    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT || c == '\u3164' || c == '\u115f';
    }
}
