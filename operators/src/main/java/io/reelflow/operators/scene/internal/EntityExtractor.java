package io.reelflow.operators.scene.internal;

import com.ibm.icu.lang.UScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names in a scene, found by a heuristic: runs of capitalised words in Latin, Cyrillic or Greek
 * script ("Lake Geneva", "Rio de Janeiro"), where a sentence's first word only counts if it is not
 * a stopword and, when it stands alone, is capitalised elsewhere in the scene too. Scripts without
 * letter case yield no entities; German nouns, capitalised by grammar, look like names.
 */
public final class EntityExtractor {

    /** Lower-case words that may join capitalised words into one name. */
    private static final Set<String> CONNECTORS =
            Set.of(
                    "of", "de", "del", "della", "di", "da", "du", "des", "la", "le", "van", "von",
                    "der", "den", "upon");

    private EntityExtractor() {}

    public static List<String> extract(List<Segment> segments, Set<String> stopwords, int limit) {
        Set<String> capitalisedInside = capitalisedInsideSentences(segments);
        Map<String, String> entities = new LinkedHashMap<>();
        for (Segment segment : segments) {
            List<Token> tokens = segment.tokens();
            int i = 0;
            while (i < tokens.size() && entities.size() < limit) {
                if (!isNameWord(tokens.get(i))) {
                    i++;
                    continue;
                }
                int last = extend(segment, i);
                int first = i;
                if (first == 0 && segment.sentenceStart()) {
                    while (first <= last && stopwords.contains(tokens.get(first).key())) {
                        first++;
                    }
                    if (first == 0
                            && first == last
                            && !capitalisedInside.contains(tokens.get(0).key())) {
                        first = last + 1; // a lone sentence-initial word: grammar, not a name
                    }
                }
                if (first <= last && isWorthKeeping(tokens, first, last, stopwords)) {
                    String name =
                            segment.text()
                                    .substring(tokens.get(first).start(), tokens.get(last).end())
                                    .replaceAll("\\s+", " ");
                    entities.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
                i = last + 1;
            }
        }
        return new ArrayList<>(entities.values());
    }

    /** The index of the last token of the name that starts at {@code start}. */
    private static int extend(Segment segment, int start) {
        List<Token> tokens = segment.tokens();
        int last = start;
        while (true) {
            int next = last + 1;
            if (next < tokens.size()
                    && joined(segment, tokens.get(last), tokens.get(next))
                    && isNameWord(tokens.get(next))) {
                last = next;
            } else if (next + 1 < tokens.size()
                    && CONNECTORS.contains(tokens.get(next).text())
                    && joined(segment, tokens.get(last), tokens.get(next))
                    && joined(segment, tokens.get(next), tokens.get(next + 1))
                    && isNameWord(tokens.get(next + 1))) {
                last = next + 1;
            } else {
                return last;
            }
        }
    }

    /** Whether only a space or a hyphen separates two tokens. */
    private static boolean joined(Segment segment, Token left, Token right) {
        String gap = segment.text().substring(left.end(), right.start());
        return gap.equals(" ") || gap.equals("-") || gap.equals("\u00A0");
    }

    private static boolean isNameWord(Token token) {
        if (token.number() || !token.capitalised()) {
            return false;
        }
        int script = UScript.getScript(token.text().codePointAt(0));
        return script == UScript.LATIN || script == UScript.CYRILLIC || script == UScript.GREEK;
    }

    private static boolean isWorthKeeping(
            List<Token> tokens, int first, int last, Set<String> stopwords) {
        if (first < last) {
            return true;
        }
        Token token = tokens.get(first);
        return token.codePoints() > 1 && !stopwords.contains(token.key());
    }

    private static Set<String> capitalisedInsideSentences(List<Segment> segments) {
        Set<String> keys = new HashSet<>();
        for (Segment segment : segments) {
            List<Token> tokens = segment.tokens();
            for (int i = segment.sentenceStart() ? 1 : 0; i < tokens.size(); i++) {
                if (isNameWord(tokens.get(i))) {
                    keys.add(tokens.get(i).key());
                }
            }
        }
        return keys;
    }
}
