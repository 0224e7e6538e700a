package io.reelflow.operators.common;

import java.util.Locale;

/**
 * Reading language tags as requests and detectors write them ({@code "de-DE"}, {@code "PT_br"}). A
 * class of its own so that stages needing only this (the renderer's subtitles) do not load the
 * scene analyzer's glossary and stemmers, which cost a cold render about a second.
 */
public final class LanguageTags {

    private LanguageTags() {}

    /** Trimmed, lower case, dashes: {@code "PT_br"} → {@code "pt-br"}. */
    public static String normalize(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The part before the first dash of a normalised tag: {@code "pt-br"} → {@code "pt"}. */
    public static String primarySubtag(String normalized) {
        int dash = normalized.indexOf('-');
        return dash < 0 ? normalized : normalized.substring(0, dash);
    }

    /**
     * The ISO 639 language of a tag, {@code "und"} when it names none: {@code "de-DE"} → {@code
     * "de"}, null or {@code "1234"} → {@code "und"}.
     */
    public static String primaryLanguage(String tag) {
        if (tag == null) {
            return "und";
        }
        String primary = primarySubtag(normalize(tag));
        return primary.matches("[a-z]{2,3}") ? primary : "und";
    }
}
