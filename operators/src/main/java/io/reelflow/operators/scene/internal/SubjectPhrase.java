package io.reelflow.operators.scene.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject noun phrase of an English text as written, for prompts whose subject the glossary
 * does not know ("A white windmill moves slowly…" → {@code a white windmill}). A cheap rule rather
 * than a part-of-speech model: the first determiner of the first sentence ("a", "the", "two",
 * "his", …) that does not follow a preposition or other function word, and up to {@value
 * #MAX_WORDS} words after it, ending before punctuation, a function word, a known verb, an adverb
 * in -ly, or a verb in -s right after the noun ("moves", "hauls": followed by a function word, an
 * adverb or the end). A phrase of framing ("an aerial view") is skipped. Pure.
 */
public final class SubjectPhrase {

    /** Most words kept after the determiner. */
    static final int MAX_WORDS = 5;

    private static final Set<String> DETERMINERS =
            Set.of(
                    "a", "an", "the", "one", "two", "three", "four", "five", "some", "many", "his",
                    "her", "their", "our", "my", "its", "this", "that", "these", "those");

    /** Words of framing, not of what is shown: "an aerial view of …", "a close-up of …". */
    private static final Set<String> FRAMING =
            Set.of(
                    "view",
                    "shot",
                    "close-up",
                    "closeup",
                    "footage",
                    "scene",
                    "picture",
                    "image",
                    "video",
                    "clip",
                    "time-lapse",
                    "timelapse",
                    "panorama",
                    "glimpse");

    private static final Pattern TOKEN = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*|[^\\p{L}\\s]+");

    private static final Set<String> STOPWORDS = Stopwords.forLanguage("en");

    private SubjectPhrase() {}

    /**
     * The phrase, determiner included, as written; null if the first sentence has none.
     *
     * @param verb whether a word is a verb the caller knows (from the glossary's actions)
     */
    public static String of(String text, Predicate<String> verb) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = matcher.group();
            if (!Character.isLetter(token.codePointAt(0)) && token.matches(".*[.!?;:].*")) {
                break;
            }
            tokens.add(token);
        }
        for (int start = 0; start < tokens.size(); start++) {
            if (!DETERMINERS.contains(lower(tokens.get(start)))
                    || (start > 0 && STOPWORDS.contains(lower(tokens.get(start - 1))))) {
                // "in the village square" is a place, not the subject
                continue;
            }
            List<String> words = new ArrayList<>();
            for (int i = start + 1; i < tokens.size() && words.size() < MAX_WORDS; i++) {
                String word = tokens.get(i);
                String lower = lower(word);
                boolean ends =
                        !Character.isLetter(word.codePointAt(0))
                                || STOPWORDS.contains(lower)
                                || DETERMINERS.contains(lower)
                                || (!words.isEmpty()
                                        && (verb.test(lower)
                                                || lower.endsWith("ly")
                                                || verbInS(lower, next(tokens, i))));
                if (ends) {
                    break;
                }
                words.add(word);
            }
            if (words.stream().anyMatch(word -> FRAMING.contains(lower(word)))) {
                continue;
            }
            if (!words.isEmpty()) {
                return lower(tokens.get(start)) + " " + String.join(" ", words);
            }
        }
        return null;
    }

    /** "moves" in "moves slowly", "hauls" in "hauls his nets"; not "bus", "glass" or "iris". */
    private static boolean verbInS(String word, String next) {
        if (!word.endsWith("s")
                || word.endsWith("ss")
                || word.endsWith("us")
                || word.endsWith("is")) {
            return false;
        }
        return next == null
                || !Character.isLetter(next.codePointAt(0))
                || STOPWORDS.contains(lower(next))
                || DETERMINERS.contains(lower(next))
                || lower(next).endsWith("ly");
    }

    private static String next(List<String> tokens, int i) {
        return i + 1 < tokens.size() ? tokens.get(i + 1) : null;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
