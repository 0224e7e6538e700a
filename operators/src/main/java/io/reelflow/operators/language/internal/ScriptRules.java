package io.reelflow.operators.language.internal;

import java.lang.Character.UnicodeScript;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides a text's language from the Unicode script of its letters where a script belongs to one
 * language (Khmer → km, Hangul → ko, kana → ja, ...), and finds evidence that a text is in a
 * language neither Lingua nor a script rule knows, so the detector abstains instead of naming a
 * wrong language.
 */
public final class ScriptRules {

    private static final Map<UnicodeScript, String> ONE_LANGUAGE_SCRIPTS =
            new EnumMap<>(UnicodeScript.class);

    static {
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.MYANMAR, "my");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.KHMER, "km");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.LAO, "lo");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.ETHIOPIC, "am");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.SINHALA, "si");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.MALAYALAM, "ml");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.KANNADA, "kn");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.ORIYA, "or");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.GEORGIAN, "ka");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.ARMENIAN, "hy");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.THAI, "th");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.GUJARATI, "gu");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.GURMUKHI, "pa");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.TAMIL, "ta");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.TELUGU, "te");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.BENGALI, "bn");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.HEBREW, "he");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.GREEK, "el");
        ONE_LANGUAGE_SCRIPTS.put(UnicodeScript.HANGUL, "ko");
    }

    /** Languages only the script rules know (Lingua 1.2.2 has no model for them). */
    public static final SortedSet<String> SCRIPT_ONLY_LANGUAGES =
            Collections.unmodifiableSortedSet(
                    new TreeSet<>(Set.of("my", "km", "lo", "am", "si", "ml", "kn", "or")));

    /** ISO 639-3 codes of {@link #SCRIPT_ONLY_LANGUAGES}, for hints such as {@code "khm"}. */
    public static final Map<String, String> SCRIPT_ONLY_ISO_639_3 =
            Map.of(
                    "mya", "my", "khm", "km", "lao", "lo", "amh", "am", "sin", "si", "mal", "ml",
                    "kan", "kn", "ori", "or", "ory", "or");

    /**
     * Cyrillic letters of Tajik and Uzbek (ҳ ҷ ӣ ӯ), which none of Lingua's Cyrillic languages
     * uses.
     */
    private static final Pattern UNCOVERED_CYRILLIC =
            Pattern.compile("[\u04B2\u04B3\u04B6\u04B7\u04E2\u04E3\u04EE\u04EF]");

    /** Uzbek Latin: o‘ and g‘ written with a turned comma or a left single quote. */
    private static final Pattern UZBEK_LATIN = Pattern.compile("(?i)[og][\u02BB\u2018]");

    /** Nepali function words and suffixes that Hindi and Marathi do not use. */
    private static final Pattern NEPALI_WORD =
            Pattern.compile(
                    "(?<![\\p{L}\\p{M}])(?:छ|छन्|हुनेछ|हुनेछन्|हुँदैन|गर्न|गर्ने|र|\\p{L}[\\p{L}\\p{M}]*(?:हरु|हरू|लाई|हरुको|हरूको))(?![\\p{L}\\p{M}])");

    /** Hindi and Marathi function words that Nepali does not use. */
    private static final Pattern HINDI_MARATHI_WORD =
            Pattern.compile(
                    "(?<![\\p{L}\\p{M}])(?:है|हैं|और|में|से|था|थे|थी|आहे|आहेत|आणि|किंवा|नाही)(?![\\p{L}\\p{M}])");

    private ScriptRules() {}

    /** Every code {@link #byScript} may answer. */
    public static SortedSet<String> codes() {
        SortedSet<String> codes = new TreeSet<>(ONE_LANGUAGE_SCRIPTS.values());
        codes.add("ja");
        codes.add("zh");
        return codes;
    }

    /**
     * The language a text's script decides, with the share of its letters in that script as
     * confidence; empty when the letters are mostly in a script several languages share (Latin,
     * Cyrillic, Arabic, Devanagari) or there are no letters.
     */
    public static Optional<ScriptVerdict> byScript(CharSequence text) {
        Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters.merge(UnicodeScript.of(cp), 1, Integer::sum);
                total++;
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        int kana =
                letters.getOrDefault(UnicodeScript.HIRAGANA, 0)
                        + letters.getOrDefault(UnicodeScript.KATAKANA, 0);
        int han = letters.getOrDefault(UnicodeScript.HAN, 0);
        if ((kana + han) * 2 > total) {
            // Japanese writes particles and endings in kana; Chinese text has none.
            String code = kana > 0 ? "ja" : "zh";
            return Optional.of(new ScriptVerdict(code, (double) (kana + han) / total));
        }
        for (Map.Entry<UnicodeScript, Integer> entry : letters.entrySet()) {
            String code = ONE_LANGUAGE_SCRIPTS.get(entry.getKey());
            if (code != null && entry.getValue() * 2 > total) {
                return Optional.of(new ScriptVerdict(code, (double) entry.getValue() / total));
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code text} looks like a language the detector has no model for, or empty. Such texts
     * would otherwise get the nearest known language: Nepali Hindi or Marathi, Uzbek Russian or
     * Turkish.
     */
    public static Optional<String> uncoveredLanguageEvidence(CharSequence text) {
        if (UNCOVERED_CYRILLIC.matcher(text).find()) {
            return Optional.of("Cyrillic letters of Uzbek or Tajik (ҳ ҷ ӣ ӯ)");
        }
        if (UZBEK_LATIN.matcher(text).results().limit(2).count() == 2) {
            return Optional.of("Uzbek Latin letters (oʻ gʻ)");
        }
        if (text.chars().noneMatch(c -> c >= 0x0900 && c <= 0x097F)) {
            return Optional.empty();
        }
        long nepali = NEPALI_WORD.matcher(text).results().count();
        if (nepali > 0 && nepali > HINDI_MARATHI_WORD.matcher(text).results().count()) {
            return Optional.of("Nepali words in Devanagari");
        }
        return Optional.empty();
    }

    /** A language decided by script, with the share of letters in that script. */
    public record ScriptVerdict(String code, double share) {}
}
