package io.reelflow.operators.scene;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.util.ULocale;
import io.reelflow.operators.scene.internal.LineWrapper;
import io.reelflow.schemas.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Subtitles from timed scenes, as SRT or WebVTT. Each scene's text is wrapped into lines of at most
 * {@link SubtitleConfig#maxLineWidth()} columns and grouped into cues of at most {@link
 * SubtitleConfig#maxLines()} lines; a scene with several cues shares its time between them in
 * proportion to their text, each cue staying at least {@link SubtitleConfig#minCueSeconds()}. Cues
 * never cross scene boundaries, so subtitles stay in sync with the pictures. Thread-safe.
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

    private final SubtitleConfig config;

    public SubtitleCues(SubtitleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SubtitleConfig config() {
        return config;
    }

    /**
     * The cues of {@code scenes}, in order, numbered from 1. Scenes without text get none. When a
     * scene is too short to show all its lines at {@code minCueSeconds} per cue, its cues get more
     * than {@code maxLines} lines rather than flash by or lose text.
     *
     * @param language ISO 639-1 code or tag of the text (line breaking rules, right-to-left); null
     *     or {@code "und"} to detect direction from the text
     */
    public List<SubtitleCue> cues(List<Scene> scenes, String language) {
        String lang = SceneAnalyzer.primaryLanguage(language);
        ULocale locale = lang.equals("und") ? ULocale.ROOT : new ULocale(lang);
        List<SubtitleCue> cues = new ArrayList<>();
        for (Scene scene : scenes) {
            String text = scene.getText() == null ? "" : scene.getText();
            double start = scene.getStartSeconds();
            double end = scene.getEndSeconds();
            List<String> lines = LineWrapper.wrap(text, locale, config.maxLineWidth());
            if (lines.isEmpty() || !(end > start)) {
                continue;
            }
            boolean rtl = isRightToLeft(lang, text);
            List<List<String>> groups = group(lines, end - start);
            double[] weights = new double[groups.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.max(1, LineWrapper.width(String.join("", groups.get(i))));
            }
            double[] bounds = boundaries(start, end, weights);
            if (!increasing(bounds)) {
                // a scene of a few milliseconds: one cue with all its lines
                groups = List.of(lines);
                bounds = new double[] {start, end};
            }
            for (int i = 0; i < groups.size(); i++) {
                cues.add(
                        new SubtitleCue(
                                cues.size() + 1, bounds[i], bounds[i + 1], groups.get(i), rtl));
            }
        }
        return cues;
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

    /** Lines grouped into cues: {@code maxLines} each, fewer cues if the scene is too short. */
    private List<List<String>> group(List<String> lines, double seconds) {
        int wanted = (lines.size() + config.maxLines() - 1) / config.maxLines();
        int affordable =
                (int)
                        Math.max(
                                1,
                                Math.min(
                                        Integer.MAX_VALUE,
                                        Math.floor(
                                                seconds / Math.max(0.001, config.minCueSeconds())
                                                        + 1e-9)));
        int count = Math.min(wanted, affordable);
        List<List<String>> groups = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int from = (int) ((long) lines.size() * k / count);
            int to = (int) ((long) lines.size() * (k + 1) / count);
            groups.add(new ArrayList<>(lines.subList(from, to)));
        }
        return groups;
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
