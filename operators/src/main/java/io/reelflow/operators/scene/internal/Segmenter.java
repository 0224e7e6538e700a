package io.reelflow.operators.scene.internal;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into {@link Segment}s: sentences by ICU's sentence break rules (which know
 * {@code 。！？}, the Devanagari danda, Arabic question marks and, for English, abbreviations), and
 * long sentences further at clause punctuation or, for run-on text, between words. Not thread-safe:
 * make one per text.
 */
public final class Segmenter {

    /**
     * Punctuation after which a long sentence may be cut: Latin, CJK, Arabic commas and the like.
     */
    private static final String CLAUSE_PUNCTUATION =
            ",;:\u2014\u2013\u3001\uFF0C\uFF1B\uFF1A\u060C\u061B\u055D\u1363\u1364";

    /** A sentence of only punctuation still takes a moment to show; keeps durations positive. */
    static final double MIN_READING_SECONDS = 0.2;

    private final ULocale locale;
    private final double wordsPerSecond;
    private final double charactersPerSecond;
    private BreakIterator words;

    public Segmenter(ULocale locale, double wordsPerSecond, double charactersPerSecond) {
        this.locale = locale;
        this.wordsPerSecond = wordsPerSecond;
        this.charactersPerSecond = charactersPerSecond;
    }

    /** The sentences of {@code text}, trimmed, each with its words and reading time. */
    public List<Segment> sentences(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text.isEmpty()) {
            return segments;
        }
        // English abbreviation suppressions keep "Mr. Smith" together; other languages' lists
        // also hold ordinary words (German "unter."), so they would glue real sentences.
        BreakIterator sentences =
                BreakIterator.getSentenceInstance(
                        locale.getLanguage().equals("en")
                                ? locale.setKeywordValue("ss", "standard")
                                : locale);
        sentences.setText(text);
        List<String> pieces = new ArrayList<>();
        int start = sentences.first();
        for (int end = sentences.next();
                end != BreakIterator.DONE;
                start = end, end = sentences.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                pieces.add(sentence);
            }
        }
        for (String sentence : fixQuotes(pieces)) {
            addOrGlue(segments, sentence, true);
        }
        return mergeLeadingWordless(segments);
    }

    /**
     * Repairs ICU's sentence breaks around quoted speech: a closing quote or bracket that starts a
     * piece goes back to the previous one (French {@code « Viens ! »}); an opening bracket that
     * ends a piece goes forward ({@code 。「}); and a quoted question or exclamation followed by a
     * lower-case word or the Japanese quotative {@code と} continues the sentence ({@code "Where?"
     * she asked.}).
     */
    static List<String> fixQuotes(List<String> pieces) {
        List<String> fixed = new ArrayList<>(pieces.size());
        String carry = "";
        for (String piece : pieces) {
            String current = carry.isEmpty() ? piece : carry + piece;
            carry = "";
            int trail = current.length();
            while (trail > 0
                    && Character.getType(current.charAt(trail - 1))
                            == Character.START_PUNCTUATION) {
                trail--;
            }
            if (trail < current.length() && trail > 0) {
                carry = current.substring(trail);
                current = current.substring(0, trail).strip();
            }
            if (!fixed.isEmpty()) {
                int last = fixed.size() - 1;
                int lead = 0;
                while (lead < current.length() && isClosing(current, lead)) {
                    lead++;
                }
                if (lead > 0) {
                    // French puts a space inside guillemets: « Viens ! »
                    String gap =
                            current.charAt(0) == '\u00BB' || current.charAt(0) == '\u203A'
                                    ? " "
                                    : "";
                    fixed.set(last, fixed.get(last) + gap + current.substring(0, lead));
                    current = current.substring(lead).strip();
                }
                if (!current.isEmpty() && continuesQuotedSpeech(fixed.get(last), current)) {
                    fixed.set(last, Joiner.join(fixed.get(last), current));
                    current = "";
                }
            }
            if (!current.isEmpty()) {
                fixed.add(current);
            }
        }
        if (!carry.isEmpty()) {
            fixed.add(carry);
        }
        return fixed;
    }

    private static boolean isClosing(String text, int at) {
        char c = text.charAt(at);
        int type = Character.getType(c);
        if (type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION) {
            return true;
        }
        // a straight quote closes when nothing follows it in the word
        return (c == '"' || c == '\'')
                && (at + 1 == text.length() || Character.isWhitespace(text.charAt(at + 1)));
    }

    private static boolean continuesQuotedSpeech(String previous, String next) {
        int end = previous.length();
        boolean quoted = false;
        while (end > 0 && (isClosing(previous, end - 1) || previous.charAt(end - 1) == ' ')) {
            quoted |= previous.charAt(end - 1) != ' ';
            end--;
        }
        if (!quoted || end == 0 || "?!？！".indexOf(previous.charAt(end - 1)) < 0) {
            return false;
        }
        int first = next.codePointAt(0);
        return Character.isLowerCase(first) || next.startsWith("と") || next.startsWith("って");
    }

    /**
     * {@code segment} cut into pieces of at most {@code limitSeconds} reading time where the text
     * allows: first at clause punctuation; a piece still longer than {@code wordSplitSeconds} is
     * then cut between words.
     */
    public List<Segment> split(Segment segment, double limitSeconds, double wordSplitSeconds) {
        List<Segment> pieces = new ArrayList<>();
        for (Segment clause : pack(segment, clauseCuts(segment.text()), limitSeconds)) {
            if (clause.readingSeconds() > wordSplitSeconds && clause.tokens().size() > 1) {
                pieces.addAll(pack(clause, wordCuts(clause), limitSeconds));
            } else {
                pieces.add(clause);
            }
        }
        return pieces;
    }

    /** Greedily joins the stretches between {@code cuts} into pieces within {@code limit}. */
    private List<Segment> pack(Segment segment, List<Integer> cuts, double limit) {
        String text = segment.text();
        List<Token> tokens = segment.tokens();
        double[] readingBefore = new double[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            readingBefore[i + 1] =
                    readingBefore[i]
                            + tokens.get(i).readingSeconds(wordsPerSecond, charactersPerSecond);
        }
        List<Integer> boundaries = new ArrayList<>(cuts.size() + 2);
        boundaries.add(0);
        boundaries.addAll(cuts);
        boundaries.add(text.length());

        List<Segment> pieces = new ArrayList<>();
        int pieceStart = 0;
        for (int k = 1; k < boundaries.size(); k++) {
            int previous = boundaries.get(k - 1);
            int boundary = boundaries.get(k);
            double reading =
                    readingBefore[firstTokenAtOrAfter(tokens, boundary)]
                            - readingBefore[firstTokenAtOrAfter(tokens, pieceStart)];
            if (reading > limit && previous > pieceStart) {
                addOrGlue(pieces, text.substring(pieceStart, previous).strip(), pieces.isEmpty());
                pieceStart = previous;
            }
        }
        addOrGlue(pieces, text.substring(pieceStart).strip(), pieces.isEmpty());
        mergeLeadingWordless(pieces);
        if (!segment.sentenceStart() && !pieces.isEmpty()) {
            Segment first = pieces.get(0);
            pieces.set(0, new Segment(first.text(), first.tokens(), first.readingSeconds(), false));
        }
        return pieces;
    }

    private static int firstTokenAtOrAfter(List<Token> tokens, int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tokens.get(mid).start() < offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Offsets after clause punctuation, and at spaces between words of scripts without word spaces
     * (in Thai a space separates phrases).
     */
    private static List<Integer> clauseCuts(String text) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i - 1);
            char next = text.charAt(i);
            if (CLAUSE_PUNCTUATION.indexOf(c) >= 0
                    && (c >= '\u3000' || Character.isWhitespace(next))) {
                cuts.add(i);
            } else if (next == ' '
                    && Tokenizer.isSpaceless(text.codePointBefore(i))
                    && Tokenizer.isSpaceless(text.codePointAt(i + 1))) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    private static List<Integer> wordCuts(Segment segment) {
        List<Integer> cuts = new ArrayList<>(segment.tokens().size());
        for (int i = 1; i < segment.tokens().size(); i++) {
            cuts.add(segment.tokens().get(i).start());
        }
        return cuts;
    }

    /**
     * Adds {@code text} as a segment, or appends it to the previous one when it has no words (a
     * stray quote or dash is not worth a scene).
     */
    private void addOrGlue(List<Segment> segments, String text, boolean sentenceStart) {
        if (text.isEmpty()) {
            return;
        }
        List<Token> tokens = tokenize(text);
        if (tokens.isEmpty() && !segments.isEmpty()) {
            Segment previous = segments.remove(segments.size() - 1);
            String joined = Joiner.join(previous.text(), text);
            segments.add(segment(joined, previous.sentenceStart()));
            return;
        }
        segments.add(segment(text, sentenceStart, tokens));
    }

    /** A first segment without words (say, an opening quote) goes in front of the second. */
    private List<Segment> mergeLeadingWordless(List<Segment> segments) {
        if (segments.size() > 1 && segments.get(0).tokens().isEmpty()) {
            Segment first = segments.remove(0);
            Segment second = segments.remove(0);
            segments.add(
                    0, segment(Joiner.join(first.text(), second.text()), first.sentenceStart()));
        }
        return segments;
    }

    private Segment segment(String text, boolean sentenceStart) {
        return segment(text, sentenceStart, tokenize(text));
    }

    /** Words of {@code text}; one break iterator per segmenter, as a segmenter is not shared. */
    private List<Token> tokenize(String text) {
        if (words == null) {
            words = BreakIterator.getWordInstance(locale);
        }
        return Tokenizer.tokenize(text, locale, words);
    }

    private Segment segment(String text, boolean sentenceStart, List<Token> tokens) {
        double reading = 0.0;
        for (Token token : tokens) {
            reading += token.readingSeconds(wordsPerSecond, charactersPerSecond);
        }
        return new Segment(text, tokens, Math.max(MIN_READING_SECONDS, reading), sentenceStart);
    }
}
