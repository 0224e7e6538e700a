package io.reelflow.operators.scene.internal;

import java.lang.Character.UnicodeScript;

/**
 * A rough count of the syllables a text is spoken in, to share a spoken sentence's time between its
 * subtitle cues when the speech server gives no word timings. No dictionary and no hyphenation
 * patterns (no library we use has them for Java): in Latin, Greek, Cyrillic and Armenian script a
 * word has one syllable per group of adjacent vowel letters ("beau-ti-ful" 3, "Stra-ße" 2,
 * "мо-ло-ко" 3; English "make" counts 2, a silent final e is not known), and at least one; a Han,
 * kana or Hangul character is one syllable; a digit is one (numbers are read out); in other scripts
 * (Arabic, Hebrew, Brahmic, Thai, …), whose vowels are often unwritten or written as marks, two
 * letters count as one syllable. Punctuation and spaces count nothing. The estimate only has to be
 * proportional to speaking time within one sentence of one language, where its errors mostly cancel
 * out.
 */
public final class Syllables {

    /** Vowel letters of the alphabetic scripts, lower case, accented forms included. */
    private static final String VOWELS =
            "aeiouyàáâãäåæāăąèéêëēĕėęěìíîïĩīĭįıòóôõöøōŏőœùúûüũūŭůűųýÿŷ"
                    + "αεηιουωάέήίόύώϊϋΐΰ"
                    + "аеёиоуыэюяіїєў"
                    + "աեէըիոօ";

    private Syllables() {}

    /** The estimated syllables of {@code text}; 0 when it has no letters or digits. */
    public static int count(String text) {
        Counter counter = new Counter();
        text.codePoints().forEach(counter::accept);
        counter.endWord();
        return counter.syllables + (counter.otherLetters + 1) / 2;
    }

    private static final class Counter {
        int syllables;
        int otherLetters;
        boolean inWord;
        boolean inVowels;
        boolean wordHasVowel;

        void accept(int c) {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                return; // an accent or a vowel sign belongs to the letter before it
            }
            if (inWord && (c == '\'' || c == '\u2019')) {
                return; // "don't" is one word
            }
            if (!Character.isLetter(c)) {
                endWord();
                if (Character.isDigit(c)) {
                    syllables++;
                }
                return;
            }
            switch (UnicodeScript.of(c)) {
                case LATIN, GREEK, CYRILLIC, ARMENIAN -> {
                    inWord = true;
                    boolean vowel = VOWELS.indexOf(Character.toLowerCase(c)) >= 0;
                    if (vowel && !inVowels) {
                        syllables++;
                        wordHasVowel = true;
                    }
                    inVowels = vowel;
                }
                case HAN, HIRAGANA, KATAKANA, HANGUL -> {
                    endWord();
                    syllables++;
                }
                default -> {
                    endWord();
                    otherLetters++;
                }
            }
        }

        /** A word of consonants only (an abbreviation such as "TV", "Mr") is still spoken. */
        void endWord() {
            if (inWord && !wordHasVowel) {
                syllables++;
            }
            inWord = false;
            inVowels = false;
            wordHasVowel = false;
        }
    }
}
