package io.reelflow.operators.language.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits a text into sentence groups for per-part language detection. */
public final class Sentences {

    private Sentences() {}

    /**
     * The text cut after sentence ends ({@code . ! ? 。 ！ ？ । ؟ ۔} followed by a space, or a line
     * break), with a part shorter than {@code minLetters} letters joined to the next one (the last
     * one to the previous), so each part carries enough letters for a reliable detection.
     */
    public static List<String> groups(String text, int minLetters) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end =
                    c == '\n'
                            || ("。！？".indexOf(c) >= 0)
                            || (".!?।؟۔".indexOf(c) >= 0
                                    && (i + 1 == text.length()
                                            || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                sentences.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            sentences.add(text.substring(start));
        }
        List<String> groups = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences) {
            current.append(sentence);
            if (Confidence.letters(current) >= minLetters) {
                groups.add(current.toString());
                current.setLength(0);
            }
        }
        if (Confidence.letters(current) > 0) {
            if (groups.isEmpty()) {
                groups.add(current.toString());
            } else {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + current);
            }
        }
        return groups;
    }
}
