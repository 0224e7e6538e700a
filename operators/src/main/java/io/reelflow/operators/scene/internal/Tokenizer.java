package io.reelflow.operators.scene.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into words with ICU's word break rules (dictionaries for CJK and Thai). */
public final class Tokenizer {

    private static final Pattern ELISION =
            Pattern.compile("^(?:l|d|j|m|n|s|t|c|qu|dell|all|dall|nell|sull)['’](\\p{L}.*)$");
    private static final Pattern POSSESSIVE = Pattern.compile("^(\\p{L}.+)['’]s$");

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private Tokenizer() {}

    /** The words and numbers of {@code text}; punctuation, spaces and symbols are skipped. */
    public static List<Token> tokenize(String text, ULocale locale) {
        return text.isEmpty()
                ? new ArrayList<>()
                : tokenize(text, locale, BreakIterator.getWordInstance(locale));
    }

    /** As {@link #tokenize(String, ULocale)}, reusing a word break iterator of {@code locale}. */
    public static List<Token> tokenize(String text, ULocale locale, BreakIterator words) {
        List<Token> tokens = new ArrayList<>();
        if (text.isEmpty()) {
            return tokens;
        }
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            int status = words.getRuleStatus();
            if (status < BreakIterator.WORD_NUMBER) {
                continue;
            }
            String word = text.substring(start, end);
            int first = word.codePointAt(0);
            int script = UScript.getScript(first);
            tokens.add(
                    new Token(
                            word,
                            key(word, locale),
                            start,
                            end,
                            status < BreakIterator.WORD_LETTER,
                            isSpacelessScript(script),
                            script == UScript.HAN));
        }
        return tokens;
    }

    /** The lexicon key of a word: lower case, without elision or possessive. */
    static String key(String word, ULocale locale) {
        String lower = hasCase(word) ? UCharacter.toLowerCase(locale, word) : word;
        if (!NFC.isNormalized(lower)) {
            lower = NFC.normalize(lower); // Devanagari nukta and Arabic marks written two ways
        }
        if (lower.indexOf('\'') < 0 && lower.indexOf('\u2019') < 0) {
            return lower; // no elision or possessive without an apostrophe; skips two regexes
        }
        Matcher elision = ELISION.matcher(lower);
        if (elision.matches()) {
            lower = elision.group(1);
        }
        Matcher possessive = POSSESSIVE.matcher(lower);
        if (possessive.matches()) {
            lower = possessive.group(1);
        }
        return lower;
    }

    /** Whether lower-casing could change {@code word}; false for Han, kana, Arabic and the like. */
    private static boolean hasCase(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isSurrogate(c) || Character.toLowerCase(c) != c) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpacelessScript(int script) {
        return script == UScript.HAN
                || script == UScript.HIRAGANA
                || script == UScript.KATAKANA
                || script == UScript.THAI
                || script == UScript.LAO
                || script == UScript.KHMER
                || script == UScript.MYANMAR
                || script == UScript.TIBETAN;
    }

    /** Whether a code point belongs to a script written without spaces between words. */
    public static boolean isSpaceless(int codePoint) {
        return isSpacelessScript(UScript.getScript(codePoint));
    }
}
