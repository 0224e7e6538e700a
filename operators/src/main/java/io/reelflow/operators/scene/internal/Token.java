package io.reelflow.operators.scene.internal;

/**
 * A word or number of a text, as ICU's word break rules find it.
 *
 * @param text the word as written
 * @param key lower-cased, without French/Italian elision ({@code l'été} → {@code été}) and English
 *     possessive ({@code NASA's} → {@code nasa}); what lexicons and stopword lists are matched on
 * @param start offset of the first char in the tokenized text
 * @param end offset after the last char
 * @param number whether ICU classified it as a number
 * @param spaceless whether it is in a script written without spaces between words (Han, kana, Thai,
 *     Lao, Khmer, Burmese), read per character rather than per word
 * @param han whether it starts with a Han ideograph, which carries meaning on its own
 */
public record Token(
        String text,
        String key,
        int start,
        int end,
        boolean number,
        boolean spaceless,
        boolean han) {

    /** Estimated seconds to read (or speak) this token. */
    public double readingSeconds(double wordsPerSecond, double charactersPerSecond) {
        if (spaceless) {
            return text.codePointCount(0, text.length()) / charactersPerSecond;
        }
        return 1.0 / wordsPerSecond;
    }

    /** Whether the token starts with an upper-case or title-case letter. */
    public boolean capitalised() {
        int first = text.codePointAt(0);
        return Character.isUpperCase(first) || Character.isTitleCase(first);
    }

    public int codePoints() {
        return text.codePointCount(0, text.length());
    }
}
