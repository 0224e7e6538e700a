package io.reelflow.operators.scene;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.reelflow.operators.common.LanguageTags;
import io.reelflow.operators.scene.internal.Joiner;
import io.reelflow.operators.scene.internal.LineWrapper;
import io.reelflow.operators.scene.internal.Syllables;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.SpokenSpan;
import io.reelflow.schemas.SpokenWord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subtitles from timed scenes, as SRT or WebVTT. Each scene's text becomes cues of at most {@link
 * SubtitleConfig#maxLines()} lines of at most {@link SubtitleConfig#maxLineWidthFor} columns:
 * sentences are kept whole in a cue when they fit (short ones share a cue), a longer sentence is
 * split at clause punctuation, and only a clause longer than a cue is split between words. A scene
 * with several cues shares its time between them in proportion to their text, each staying at least
 * {@link SubtitleConfig#minCueSeconds()}. When a scene's text needs more cues than its time allows
 * at that minimum, the cues that fit are shown and the last ends with an ellipsis: the scene is
 * listed in {@link Track#cutScenes()}, so the caller can say so. Cues never cross scene boundaries,
 * so subtitles stay in sync with the pictures. A narrated scene (one with spoken spans) gets its
 * cues sentence by sentence, each within the span its sentence is spoken in; a sentence that needs
 * several cues has them cut where the server says the next cue's first word starts ({@link
 * SpokenSpan#getWords()}), or, without word times (or when the server's words spell the text
 * differently), in proportion to their estimated syllables ({@code Syllables}), so each cue is on
 * screen while it is heard. Thread-safe.
 *
 * <pre>{@code
 * SubtitleCues subtitles = new SubtitleCues(SubtitleConfig.defaults());
 * String vtt = subtitles.toWebVtt(subtitles.cues(scenes, "ar"));
 * }</pre>
 */
public final class SubtitleCues {

    private static final Set<String> RTL_LANGUAGES =
            Set.of("ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb");
    private static final char RLM = '\u200F';
    private static final char RLE = '\u202B';
    private static final char PDF = '\u202C';
    private static final String ELLIPSIS = "\u2026";

    /**
     * Where a clause ends: after a comma, semicolon, colon or dash followed by a space (so "1,000"
     * stays whole), or after their full-width forms and the ideographic comma.
     */
    private static final Pattern CLAUSE_END =
            Pattern.compile("(?<=[,;:\u2013\u2014])\\s+|(?<=[\uFF0C\u3001\uFF1B\uFF1A])\\s*");

    private static final Pattern TRAILING_PUNCTUATION =
            Pattern.compile("[\\s.!?,;:\u2013\u2014\u3002\uFF01\uFF1F\uFF0C\u3001\uFF1B\uFF1A]+$");

    private final SubtitleConfig config;

    /**
     * The cues of a subtitle track, and the indexes of the scenes whose text was cut short to stay
     * readable.
     */
    public record Track(List<SubtitleCue> cues, List<Integer> cutScenes) {
        public Track {
            cues = List.copyOf(cues);
            cutScenes = List.copyOf(cutScenes);
        }
    }

    public SubtitleCues(SubtitleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SubtitleConfig config() {
        return config;
    }

    /**
     * The cues of {@code scenes}, in order, numbered from 1; see {@link #track}. Scenes without
     * text get none.
     */
    public List<SubtitleCue> cues(List<Scene> scenes, String language) {
        return track(scenes, language).cues();
    }

    /**
     * The cues of {@code scenes} and the scenes cut short. No cue has more than {@code maxLines}
     * lines, however much text a scene has: a scene too short to show its text at {@code
     * minCueSeconds} per cue shows what fits and ends it with an ellipsis.
     *
     * @param language ISO 639-1 code or tag of the text (line breaking rules, line width,
     *     right-to-left); null or {@code "und"} to detect direction from the text
     */
    public Track track(List<Scene> scenes, String language) {
        String lang = LanguageTags.primaryLanguage(language);
        ULocale locale = lang.equals("und") ? ULocale.ROOT : new ULocale(lang);
        int width = config.maxLineWidthFor(lang);
        List<SubtitleCue> cues = new ArrayList<>();
        List<Integer> cutScenes = new ArrayList<>();
        for (Scene scene : scenes) {
            String text = scene.getText() == null ? "" : scene.getText();
            double start = scene.getStartSeconds();
            double end = scene.getEndSeconds();
            boolean cut = false;
            if (scene.getSpokenSpans().isEmpty()) {
                cut = place(text, start, end, null, lang, locale, width, cues);
            } else {
                // Narrated: each sentence's cues within the span it is spoken in (inside the
                // scene).
                for (SpokenSpan span : scene.getSpokenSpans()) {
                    double from = Math.max(start, span.getStartSeconds());
                    double to = Math.min(end, span.getEndSeconds());
                    if (to > from) {
                        cut |= place(span.getText(), from, to, span, lang, locale, width, cues);
                    }
                }
            }
            if (cut) {
                cutScenes.add(scene.getIndex());
            }
        }
        return new Track(cues, cutScenes);
    }

    /**
     * Adds the cues of {@code text} shown from {@code start} to {@code end}.
     *
     * @param spoken the span the text is spoken in; null when it is only read
     * @return whether the text was cut short to stay readable
     */
    private boolean place(
            String text,
            double start,
            double end,
            SpokenSpan spoken,
            String lang,
            ULocale locale,
            int width,
            List<SubtitleCue> cues) {
        List<List<String>> groups = cueLines(text, locale, width);
        if (groups.isEmpty() || !(end > start)) {
            return false;
        }
        boolean rtl = isRightToLeft(lang, text);
        int affordable = affordableCues(end - start);
        boolean cut = groups.size() > affordable;
        if (cut) {
            groups = cut(groups, affordable, locale, width);
        }
        double[] bounds = null;
        if (spoken != null && !cut) {
            bounds = wordBounds(groups, spoken.getWords(), start, end);
        }
        if (bounds == null) {
            bounds = boundaries(start, end, spoken == null ? weights(groups) : syllables(groups));
        }
        if (!increasing(bounds)) {
            // a span of a few milliseconds: one cue
            if (groups.size() > 1) {
                groups = cut(groups, 1, locale, width);
                cut = true;
            }
            bounds = new double[] {start, end};
        }
        for (int i = 0; i < groups.size(); i++) {
            cues.add(
                    new SubtitleCue(cues.size() + 1, bounds[i], bounds[i + 1], groups.get(i), rtl));
        }
        return cut;
    }

    /** The cues as a SubRip (.srt) file: numbered blocks, {@code 00:00:01,500} times, CRLF-free. */
    public String toSrt(List<SubtitleCue> cues) {
        StringBuilder srt = new StringBuilder();
        int number = 1;
        for (SubtitleCue cue : cues) {
            srt.append(number++).append('\n');
            srt.append(timestamp(cue.startSeconds(), ','))
                    .append(" --> ")
                    .append(timestamp(cue.endSeconds(), ','))
                    .append('\n');
            for (String line : cue.lines()) {
                srt.append(mark(line.replace("-->", "->"), cue.rightToLeft())).append('\n');
            }
            srt.append('\n');
        }
        return srt.toString();
    }

    /** The cues as a WebVTT file, with text escaped ({@code & < >}) as the format requires. */
    public String toWebVtt(List<SubtitleCue> cues) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        int number = 1;
        for (SubtitleCue cue : cues) {
            vtt.append(number++).append('\n');
            vtt.append(timestamp(cue.startSeconds(), '.'))
                    .append(" --> ")
                    .append(timestamp(cue.endSeconds(), '.'))
                    .append('\n');
            for (String line : cue.lines()) {
                String escaped =
                        line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                vtt.append(mark(escaped, cue.rightToLeft())).append('\n');
            }
            vtt.append('\n');
        }
        return vtt.toString();
    }

    /**
     * The text as cues' lines: whole sentences where they fit in a cue, packed together while they
     * do; a longer sentence split at its clauses, packed the same way; a clause longer than a cue
     * cut between words into cues of its own.
     */
    private List<List<String>> cueLines(String text, ULocale locale, int width) {
        List<List<String>> cues = new ArrayList<>();
        String pending = "";
        for (String sentence : split(text, BreakIterator.getSentenceInstance(locale))) {
            List<String> pieces =
                    fits(sentence, locale, width)
                            ? List.of(sentence)
                            : List.of(CLAUSE_END.split(sentence));
            for (String piece : pieces) {
                String joined = pending.isEmpty() ? piece : Joiner.join(pending, piece);
                if (fits(joined, locale, width)) {
                    pending = joined;
                    continue;
                }
                if (!pending.isEmpty()) {
                    cues.add(LineWrapper.wrap(pending, locale, width));
                }
                pending = piece;
                if (!fits(piece, locale, width)) {
                    List<String> lines = LineWrapper.wrap(piece, locale, width);
                    for (int i = 0; i < lines.size(); i += config.maxLines()) {
                        cues.add(lines.subList(i, Math.min(lines.size(), i + config.maxLines())));
                    }
                    pending = "";
                }
            }
        }
        if (!pending.isEmpty()) {
            cues.add(LineWrapper.wrap(pending, locale, width));
        }
        cues.removeIf(List::isEmpty);
        return cues;
    }

    private boolean fits(String text, ULocale locale, int width) {
        return LineWrapper.wrap(text, locale, width).size() <= config.maxLines();
    }

    private static List<String> split(String text, BreakIterator boundaries) {
        List<String> parts = new ArrayList<>();
        boundaries.setText(text);
        int start = boundaries.first();
        for (int end = boundaries.next();
                end != BreakIterator.DONE;
                start = end, end = boundaries.next()) {
            String part = text.substring(start, end).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** How many cues fit in {@code seconds} at {@code minCueSeconds} each; at least one. */
    private int affordableCues(double seconds) {
        return (int)
                Math.max(
                        1,
                        Math.min(
                                Integer.MAX_VALUE,
                                Math.floor(
                                        seconds / Math.max(0.001, config.minCueSeconds()) + 1e-9)));
    }

    /** The first {@code count} cues, the last line of the last ending in an ellipsis. */
    private static List<List<String>> cut(
            List<List<String>> groups, int count, ULocale locale, int width) {
        List<List<String>> kept = new ArrayList<>(groups.subList(0, count));
        List<String> last = new ArrayList<>(kept.get(count - 1));
        String line = last.get(last.size() - 1);
        // The first line of the text wrapped one column narrower: cut between words (or
        // characters, in scripts without spaces), with room for the ellipsis.
        String shortened = LineWrapper.wrap(line, locale, width - 1).get(0);
        last.set(
                last.size() - 1, TRAILING_PUNCTUATION.matcher(shortened).replaceAll("") + ELLIPSIS);
        kept.set(count - 1, last);
        return kept;
    }

    private static double[] weights(List<List<String>> groups) {
        double[] weights = new double[groups.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.max(1, LineWrapper.width(String.join("", groups.get(i))));
        }
        return weights;
    }

    /** Spoken cues' weights: their estimated syllables, at least one. */
    private static double[] syllables(List<List<String>> groups) {
        double[] weights = new double[groups.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.max(1, Syllables.count(String.join(" ", groups.get(i))));
        }
        return weights;
    }

    /**
     * Cue boundaries where the next cue's first word starts, when the cues' text and the timed
     * words spell the same letters and digits (punctuation and case aside) and every cut falls
     * between two words, inside {@code start..end}; null otherwise, e.g. when the server read "10
     * km" as "ten kilometres" or a cue is cut inside a word.
     */
    private static double[] wordBounds(
            List<List<String>> groups, List<SpokenWord> words, double start, double end) {
        int n = groups.size();
        if (words.isEmpty() || n < 2) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int[] groupEnds = new int[n];
        for (int i = 0; i < n; i++) {
            text.append(lettersAndDigits(String.join("", groups.get(i))));
            groupEnds[i] = text.length();
        }
        StringBuilder spoken = new StringBuilder();
        Map<Integer, Double> wordStarts = new HashMap<>();
        for (SpokenWord word : words) {
            String letters = lettersAndDigits(word.getText());
            if (!letters.isEmpty()) {
                wordStarts.putIfAbsent(spoken.length(), word.getStartSeconds());
                spoken.append(letters);
            }
        }
        if (!spoken.toString().equals(text.toString())) {
            return null;
        }
        double[] bounds = new double[n + 1];
        bounds[0] = start;
        bounds[n] = end;
        for (int i = 1; i < n; i++) {
            Double at = wordStarts.get(groupEnds[i - 1]);
            if (at == null || !(at > bounds[i - 1]) || !(at < end)) {
                return null;
            }
            bounds[i] = at;
        }
        return bounds;
    }

    private static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(Character::isLetterOrDigit)
                .map(Character::toLowerCase)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * Cue boundaries from {@code start} to {@code end}, proportional to {@code weights}, each span
     * at least {@code minCueSeconds} where the total allows; inner boundaries rounded to ms.
     */
    private double[] boundaries(double start, double end, double[] weights) {
        int n = weights.length;
        double total = end - start;
        double min = Math.min(config.minCueSeconds(), total / n);
        double[] spans = new double[n];
        boolean[] fixed = new boolean[n];
        for (int round = 0; round <= n; round++) {
            double free = total;
            double freeWeight = 0.0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= min;
                } else {
                    freeWeight += weights[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                spans[i] = fixed[i] ? min : free * weights[i] / freeWeight;
                if (!fixed[i] && spans[i] < min) {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        double[] bounds = new double[n + 1];
        bounds[0] = start;
        double exact = start;
        for (int i = 1; i < n; i++) {
            exact += spans[i - 1];
            double rounded = Math.round(exact * 1000.0) / 1000.0;
            bounds[i] =
                    rounded > bounds[i - 1] && rounded < end
                            ? rounded
                            : Math.min(Math.nextUp(bounds[i - 1]), end);
        }
        bounds[n] = end;
        return bounds;
    }

    private static boolean increasing(double[] bounds) {
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                return false;
            }
        }
        return true;
    }

    private String mark(String line, boolean rtl) {
        if (!rtl) {
            return line;
        }
        switch (config.directionMarks()) {
            case RLM:
                return RLM + line;
            case EMBEDDING:
                return RLE + line + PDF;
            default:
                return line;
        }
    }

    private static boolean isRightToLeft(String language, String text) {
        if (RTL_LANGUAGES.contains(language)) {
            return true;
        }
        return language.equals("und") && Bidi.getBaseDirection(text) == Bidi.RTL;
    }

    /** {@code HH:MM:SS,mmm} (SRT) or {@code HH:MM:SS.mmm} (WebVTT), rounded to milliseconds. */
    static String timestamp(double seconds, char separator) {
        long ms = Math.max(0L, Math.round(seconds * 1000.0));
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d%c%03d",
                ms / 3_600_000,
                ms / 60_000 % 60,
                ms / 1000 % 60,
                separator,
                ms % 1000);
    }
}
