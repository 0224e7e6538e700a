package io.reelflow.operators.request;

/**
 * How long subtitles of a text take to read, after the reading speeds of the Netflix Timed Text
 * Style Guides: 20 characters a second for adult programmes in most languages (English guide), 9
 * for Chinese, 4 for Japanese and 12 for Korean. Each character counts at its own script's speed,
 * so mixed text is timed fairly.
 */
public final class ReadingSpeed {
    public static final int LATIN_CPS = 20;
    public static final int CHINESE_CPS = 9;
    public static final int JAPANESE_CPS = 4;
    public static final int KOREAN_CPS = 12;

    /** For reasons and messages. */
    public static final String DESCRIPTION =
            "at most "
                    + LATIN_CPS
                    + " characters/s, "
                    + CHINESE_CPS
                    + " for Han, "
                    + JAPANESE_CPS
                    + " for kana, "
                    + KOREAN_CPS
                    + " for hangul (Netflix Timed Text Style Guides)";

    private ReadingSpeed() {}

    /** Seconds needed to read {@code text} as subtitles; white space costs nothing. */
    public static double secondsToRead(String text) {
        // Counted per speed and divided once, so 400 letters are exactly 20 s (not 20.000000004).
        long[] counts = new long[SPEEDS.length];
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isWhitespace(c)) {
                counts[speedIndex(c)]++;
            }
        }
        double seconds = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            seconds += counts[i] / (double) SPEEDS[i];
        }
        return seconds;
    }

    private static final int[] SPEEDS = {LATIN_CPS, CHINESE_CPS, JAPANESE_CPS, KOREAN_CPS};

    private static int speedIndex(int codePoint) {
        Character.UnicodeScript script;
        try {
            script = Character.UnicodeScript.of(codePoint);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        return switch (script) {
            case HAN -> 1;
            case HIRAGANA, KATAKANA -> 2;
            case HANGUL -> 3;
            default -> 0;
        };
    }
}
