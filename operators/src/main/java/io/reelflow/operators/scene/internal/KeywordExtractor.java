package io.reelflow.operators.scene.internal;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The most frequent content words of a scene. Words are analysed by the Lucene analyzer of the
 * text's language (its stop words and stemmer), so inflected forms count together ({@code Berg},
 * {@code Berge}, {@code Bergen} are one keyword); the keyword shown is the group's most frequent
 * written form, lower-cased, so prompts stay readable.
 */
public final class KeywordExtractor {

    private KeywordExtractor() {}

    /**
     * Up to {@code limit} keywords of {@code text} by frequency of their stem, ties in order of
     * first appearance; numbers, stopwords (the analyzer's and {@code stopwords}), one-character
     * words (except Han ideographs) and short hiragana words (Japanese particles) are skipped.
     */
    public static List<String> top(
            String text, String language, ULocale locale, Set<String> stopwords, int limit) {
        Map<String, Group> groups = new LinkedHashMap<>();
        int[] katakanaRunEnd = {0};
        KeywordAnalyzers.analyze(
                text,
                language,
                (stem, start, end, number) -> {
                    if (number || end <= start) {
                        return;
                    }
                    String key;
                    if (!language.equals("ja")) {
                        key = Tokenizer.key(text.substring(start, end), locale);
                    } else if (isKatakana(text, start, end)) {
                        // unknown loanwords come out in pieces (ドローン as ド + ローン): keep the run
                        int from = start;
                        int to = end;
                        while (from > 0 && isKatakana(text.charAt(from - 1))) {
                            from--;
                        }
                        while (to < text.length() && isKatakana(text.charAt(to))) {
                            to++;
                        }
                        if (from < katakanaRunEnd[0]) {
                            return; // another piece of a run already counted
                        }
                        katakanaRunEnd[0] = to;
                        key = text.substring(from, to);
                        stem = key;
                    } else {
                        key = stem; // verbs and adjectives in dictionary form: 繕う, not 繕っ
                    }
                    String group = stem;
                    if (isContentWord(key, stopwords) && !stopwords.contains(group)) {
                        groups.computeIfAbsent(group, s -> new Group()).add(key);
                    }
                });
        List<Group> ranked = new ArrayList<>(groups.values());
        // List.sort is stable: equal counts keep their first-appearance order
        ranked.sort((a, b) -> Integer.compare(b.count, a.count));
        List<String> keywords = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && keywords.size() < limit; i++) {
            String form = ranked.get(i).form();
            if (!keywords.contains(form)) {
                keywords.add(form);
            }
        }
        return keywords;
    }

    /** Whether a lower-cased word can be a keyword. */
    static boolean isContentWord(String key, Set<String> stopwords) {
        if (key.isEmpty() || stopwords.contains(key)) {
            return false;
        }
        int length = key.codePointCount(0, key.length());
        if (length < 2 && UScript.getScript(key.codePointAt(0)) != UScript.HAN) {
            return false;
        }
        if (length <= 2 && isHiragana(key)) {
            return false; // Japanese particles and verb endings
        }
        return key.codePoints().anyMatch(Character::isLetter);
    }

    private static boolean isKatakana(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isKatakana(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKatakana(char c) {
        return (c >= '\u30A0' && c <= '\u30FF') || (c >= '\u31F0' && c <= '\u31FF');
    }

    private static boolean isHiragana(String word) {
        return word.codePoints()
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA);
    }

    /** The written forms of one stem and how often each occurs. */
    private static final class Group {
        private final Map<String, int[]> forms = new HashMap<>(4);
        private String best;
        private int bestCount;
        private int count;

        void add(String form) {
            count++;
            int n = ++forms.computeIfAbsent(form, f -> new int[1])[0];
            if (n > bestCount) {
                best = form;
                bestCount = n;
            }
        }

        String form() {
            return best;
        }
    }
}
