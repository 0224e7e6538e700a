package io.reelflow.operators.scene.internal;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final Set<String> LANGUAGES_WITH_LISTS = Set.of("en", "de", "es", "fr");

    private final Map<String, List<Phrase>> byLanguage;
    private final boolean englishInEveryLanguage;
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();

    private PhraseLexicon(Map<String, List<Phrase>> byLanguage, boolean englishInEveryLanguage) {
        this.byLanguage = byLanguage;
        this.englishInEveryLanguage = englishInEveryLanguage;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The matches in {@code tokens}, longest phrase first at each position, without overlaps, in
     * text order. A text in English, German, Spanish or French is matched against its own list
     * (plus the English one if so built); any other language against all lists.
     */
    public List<Match> find(List<Token> tokens, String language) {
        String key = LANGUAGES_WITH_LISTS.contains(language) ? language : "*";
        return indexes.computeIfAbsent(key, this::index).find(tokens);
    }

    private Index index(String language) {
        Index index = new Index();
        byLanguage.forEach(
                (lang, phrases) -> {
                    if (language.equals("*")
                            || lang.equals(language)
                            || (englishInEveryLanguage && lang.equals("en"))) {
                        phrases.forEach(index::add);
                    }
                });
        return index;
    }

    /** Phrases by first key, and stems by their first character. */
    private static final class Index {
        private final Map<String, List<Phrase>> exact = new HashMap<>();
        private final Map<Character, List<Phrase>> stems = new HashMap<>();

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
                String key = tokens.get(i).key();
                Phrase best = null;
                best = longest(best, exact.get(key), tokens, i);
                best = longest(best, stems.get(key.charAt(0)), tokens, i);
                if (best == null) {
                    i++;
                } else {
                    matches.add(new Match(best.label(), i, i + best.keys().length));
                    i += best.keys().length;
                }
            }
            return matches;
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
                String key = tokens.get(at + k).key();
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
        private boolean englishInEveryLanguage;

        /** Looks for the English phrases in texts of every language, not only English ones. */
        public Builder englishInEveryLanguage() {
            englishInEveryLanguage = true;
            return this;
        }

        /** Adds phrases of {@code language} meaning {@code label}; {@code *} ends a stem. */
        public Builder add(String language, String label, String... phrases) {
            List<Phrase> list = byLanguage.computeIfAbsent(language, l -> new ArrayList<>());
            for (String phrase : phrases) {
                boolean stemmed = phrase.endsWith("*");
                String text = stemmed ? phrase.substring(0, phrase.length() - 1) : phrase;
                String[] keys =
                        Tokenizer.tokenize(text, ULocale.ROOT).stream()
                                .map(Token::key)
                                .toArray(String[]::new);
                if (keys.length == 0) {
                    throw new IllegalArgumentException("phrase without words: '" + phrase + "'");
                }
                list.add(new Phrase(label, keys, stemmed));
            }
            return this;
        }

        public PhraseLexicon build() {
            Map<String, List<Phrase>> copy = new LinkedHashMap<>();
            byLanguage.forEach((language, phrases) -> copy.put(language, List.copyOf(phrases)));
            return new PhraseLexicon(copy, englishInEveryLanguage);
        }
    }
}
