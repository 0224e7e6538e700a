package io.reelflow.operators.scene.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The most frequent content words of a scene. */
public final class KeywordExtractor {

    private KeywordExtractor() {}

    /**
     * Up to {@code limit} lower-case words of {@code tokens} by frequency, ties in order of first
     * appearance; numbers, stopwords, one-character words (except Han ideographs) and short
     * hiragana words (Japanese particles) are skipped.
     */
    public static List<String> top(List<Token> tokens, Set<String> stopwords, int limit) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Token token : tokens) {
            if (isContentWord(token, stopwords)) {
                counts.computeIfAbsent(token.key(), k -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
        // List.sort is stable: equal counts keep their first-appearance order
        ranked.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        List<String> keywords = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            keywords.add(ranked.get(i).getKey());
        }
        return keywords;
    }

    private static boolean isHiragana(String word) {
        return word.codePoints()
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA);
    }

    static boolean isContentWord(Token token, Set<String> stopwords) {
        if (token.number() || stopwords.contains(token.key())) {
            return false;
        }
        int length = token.key().codePointCount(0, token.key().length());
        if (length < 2 && !token.han()) {
            return false;
        }
        if (length <= 2 && isHiragana(token.key())) {
            return false; // Japanese particles and verb endings
        }
        return token.key().codePoints().anyMatch(Character::isLetter);
    }
}
