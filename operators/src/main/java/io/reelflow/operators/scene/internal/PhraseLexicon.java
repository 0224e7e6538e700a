package io.reelflow.operators.scene.internal;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/**
 * Maps words and phrases of several languages to labels (such as "aerial" or "sunset") and finds
 * them in tokenized text. Phrases are matched on token keys, so case, elision and hyphens do not
 * matter ({@code "Close-up"} matches {@code "close up"}); a trailing {@code *} matches any word
 * beginning with that stem ({@code "sonnenuntergang*"} matches {@code "Sonnenuntergangs"}).
 * Immutable and thread-safe.
 */
public final class PhraseLexicon {

    /** A phrase found in the tokens {@code [from, to)}. */
    public record Match(String label, int from, int to) {}

    private record Phrase(String label, String[] keys, boolean stemmed) {}

    /** A phrase in a script without spaces, found as a substring of the joined words. */
    private record SpacelessPhrase(String label, String text) {}

    private static final ArabicNormalizer ARABIC_NORMALIZER = new ArabicNormalizer();
    private static final ArabicStemmer ARABIC_STEMMER = new ArabicStemmer();

    private final Map<String, List<Phrase>> byLanguage;
    private final Map<String, List<SpacelessPhrase>> spacelessByLanguage;
    private final boolean englishInEveryLanguage;
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();

    private PhraseLexicon(
            Map<String, List<Phrase>> byLanguage,
            Map<String, List<SpacelessPhrase>> spacelessByLanguage,
            boolean englishInEveryLanguage) {
        this.byLanguage = byLanguage;
        this.spacelessByLanguage = spacelessByLanguage;
        this.englishInEveryLanguage = englishInEveryLanguage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The matches in {@code tokens}, longest phrase first at each position, without overlaps, in
     * text order. A text in a language with a list is matched against its own list (plus the
     * English one if so built); any other language against all lists. Phrases in Chinese, Japanese
     * or Thai are found inside words too, since word segmentation of those scripts varies with
     * context.
     */
    public List<Match> find(List<Token> tokens, String language) {
        String key =
                byLanguage.containsKey(language) || spacelessByLanguage.containsKey(language)
                        ? language
                        : "*";
        return indexes.computeIfAbsent(key, this::index).find(tokens);
    }

    /** The languages that have a list of their own. */
    public Set<String> languages() {
        Set<String> languages = new java.util.TreeSet<>(byLanguage.keySet());
        languages.addAll(spacelessByLanguage.keySet());
        return languages;
    }

    private Index index(String language) {
        Index index = new Index();
        byLanguage.forEach(
                (lang, phrases) -> {
                    if (applies(lang, language)) {
                        phrases.forEach(index::add);
                    }
                });
        spacelessByLanguage.forEach(
                (lang, phrases) -> {
                    if (applies(lang, language)) {
                        phrases.forEach(index::addSpaceless);
                    }
                });
        return index;
    }

    private boolean applies(String listLanguage, String textLanguage) {
        return textLanguage.equals("*")
                || listLanguage.equals(textLanguage)
                || (englishInEveryLanguage && listLanguage.equals("en"));
    }

    /**
     * The key a word is matched on: its lexicon key, light-stemmed for Arabic, where articles and
     * prepositions are written as part of the word ({@code بالحركة} = "with the motion").
     */
    static String matchKey(String key) {
        if (key.isEmpty() || key.charAt(0) < '\u0600' || key.charAt(0) > '\u06FF') {
            return key;
        }
        char[] chars = key.toCharArray();
        int length = ARABIC_NORMALIZER.normalize(chars, chars.length);
        int stemmed = ARABIC_STEMMER.stem(chars, length);
        if (stemmed > 0) {
            return new String(chars, 0, stemmed);
        }
        return length > 0 ? new String(chars, 0, length) : key; // a lone tatweel or mark
    }

    /** Phrases by first key, and stems by their first character. */
    private static final class Index {
        private final Map<String, List<Phrase>> exact = new HashMap<>();
        private final Map<Character, List<Phrase>> stems = new HashMap<>();
        private final List<SpacelessPhrase> spaceless = new ArrayList<>();
        private final Map<Character, List<SpacelessPhrase>> spacelessByFirst = new HashMap<>();

        void addSpaceless(SpacelessPhrase phrase) {
            spaceless.add(phrase);
            List<SpacelessPhrase> list =
                    spacelessByFirst.computeIfAbsent(
                            phrase.text().charAt(0), c -> new ArrayList<>());
            list.add(phrase);
            list.sort((x, y) -> Integer.compare(y.text().length(), x.text().length()));
        }

        void add(Phrase phrase) {
            if (phrase.stemmed() && phrase.keys().length == 1) {
                stems.computeIfAbsent(phrase.keys()[0].charAt(0), c -> new ArrayList<>())
                        .add(phrase);
            } else {
                exact.computeIfAbsent(phrase.keys()[0], k -> new ArrayList<>()).add(phrase);
            }
        }

        List<Match> find(List<Token> tokens) {
            List<Match> matches = new ArrayList<>();
            int i = 0;
            while (i < tokens.size()) {
                String key = matchKey(tokens.get(i).key());
                Phrase best = null;
                best = longest(best, exact.get(key), tokens, i);
                if (!key.isEmpty()) {
                    best = longest(best, stems.get(key.charAt(0)), tokens, i);
                }
                if (best == null) {
                    i++;
                } else {
                    matches.add(new Match(best.label(), i, i + best.keys().length));
                    i += best.keys().length;
                }
            }
            if (!spaceless.isEmpty()) {
                findSpaceless(tokens, matches);
            }
            return matches;
        }

        /** Adds substring matches of spaceless phrases that overlap no match found so far. */
        private void findSpaceless(List<Token> tokens, List<Match> matches) {
            boolean any = false;
            for (Token token : tokens) {
                any |= token.spaceless();
            }
            if (!any) {
                return;
            }
            StringBuilder joined = new StringBuilder();
            int[] starts = new int[tokens.size()];
            for (int t = 0; t < tokens.size(); t++) {
                starts[t] = joined.length();
                joined.append(tokens.get(t).key());
            }
            int[] tokenAt = new int[joined.length()];
            for (int t = 0; t < tokens.size(); t++) {
                int to = t + 1 < tokens.size() ? starts[t + 1] : joined.length();
                for (int c = starts[t]; c < to; c++) {
                    tokenAt[c] = t;
                }
            }
            boolean[] used = new boolean[tokens.size()];
            for (Match match : matches) {
                for (int t = match.from(); t < match.to(); t++) {
                    used[t] = true;
                }
            }
            String text = joined.toString();
            int before = matches.size();
            int at = 0;
            while (at < text.length()) {
                List<SpacelessPhrase> candidates = spacelessByFirst.get(text.charAt(at));
                int next = at + 1;
                if (candidates != null) {
                    for (SpacelessPhrase phrase : candidates) { // longest first
                        int from = tokenAt[at];
                        int end = at + phrase.text().length();
                        if (text.startsWith(phrase.text(), at)
                                && free(used, from, tokenAt[end - 1] + 1)) {
                            int to = tokenAt[end - 1] + 1;
                            matches.add(new Match(phrase.label(), from, to));
                            for (int t = from; t < to; t++) {
                                used[t] = true;
                            }
                            next = end;
                            break;
                        }
                    }
                }
                at = next;
            }
            if (matches.size() > before) {
                matches.sort((a, b) -> Integer.compare(a.from(), b.from()));
            }
        }

        private static boolean free(boolean[] used, int from, int to) {
            for (int t = from; t < to; t++) {
                if (used[t]) {
                    return false;
                }
            }
            return true;
        }

        private static Phrase longest(
                Phrase best, List<Phrase> candidates, List<Token> tokens, int at) {
            if (candidates == null) {
                return best;
            }
            for (Phrase phrase : candidates) {
                if ((best == null || phrase.keys().length > best.keys().length)
                        && matches(phrase, tokens, at)) {
                    best = phrase;
                }
            }
            return best;
        }

        private static boolean matches(Phrase phrase, List<Token> tokens, int at) {
            String[] keys = phrase.keys();
            if (at + keys.length > tokens.size()) {
                return false;
            }
            for (int k = 0; k < keys.length; k++) {
                String key = matchKey(tokens.get(at + k).key());
                boolean last = k == keys.length - 1;
                if (!(last && phrase.stemmed() ? key.startsWith(keys[k]) : key.equals(keys[k]))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Collects phrases per language and label. */
    public static final class Builder {
        private final Map<String, List<Phrase>> byLanguage = new LinkedHashMap<>();
        private final Map<String, List<SpacelessPhrase>> spacelessByLanguage =
                new LinkedHashMap<>();
        private boolean englishInEveryLanguage;

        /** Looks for the English phrases in texts of every language, not only English ones. */
        public Builder englishInEveryLanguage() {
            englishInEveryLanguage = true;
            return this;
        }

        /**
         * Adds phrases of {@code language} meaning {@code label}; {@code *} ends a stem. Arabic
         * words are matched on their light stem (article, conjunction, preposition and common
         * suffixes removed); phrases in scripts without spaces match as substrings.
         */
        public Builder add(String language, String label, String... phrases) {
            for (String phrase : phrases) {
                if (phrase.codePoints().anyMatch(Tokenizer::isSpaceless)) {
                    String key = Tokenizer.key(phrase.replace(" ", ""), ULocale.ROOT);
                    spacelessByLanguage
                            .computeIfAbsent(language, l -> new ArrayList<>())
                            .add(new SpacelessPhrase(label, key));
                } else {
                    addWords(language, label, phrase);
                }
            }
            return this;
        }

        private void addWords(String language, String label, String... phrases) {
            List<Phrase> list = byLanguage.computeIfAbsent(language, l -> new ArrayList<>());
            for (String phrase : phrases) {
                boolean stemmed = phrase.endsWith("*");
                String text = stemmed ? phrase.substring(0, phrase.length() - 1) : phrase;
                String[] keys =
                        Tokenizer.tokenize(text, ULocale.ROOT).stream()
                                .map(token -> matchKey(token.key()))
                                .toArray(String[]::new);
                if (keys.length == 0) {
                    throw new IllegalArgumentException("phrase without words: '" + phrase + "'");
                }
                list.add(new Phrase(label, keys, stemmed));
            }
        }

        public PhraseLexicon build() {
            Map<String, List<Phrase>> copy = new LinkedHashMap<>();
            byLanguage.forEach((language, phrases) -> copy.put(language, List.copyOf(phrases)));
            Map<String, List<SpacelessPhrase>> spacelessCopy = new LinkedHashMap<>();
            spacelessByLanguage.forEach(
                    (language, phrases) -> spacelessCopy.put(language, List.copyOf(phrases)));
            return new PhraseLexicon(copy, spacelessCopy, englishInEveryLanguage);
        }
    }
}
