package io.reelflow.operators.render.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes SubRip (.srt) subtitles: numbered cues, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, text lines,
 * a blank line. Cues without text are skipped (an empty cue is invalid SRT).
 */
public final class SrtWriter {

    /** One subtitle: shown from {@code startSeconds} to {@code endSeconds}. */
    public record Cue(double startSeconds, double endSeconds, List<String> lines) {}

    private SrtWriter() {}

    /** Writes {@code cues} in order, numbering the non-empty ones from 1. */
    public static void write(List<Cue> cues, Writer out) throws IOException {
        int number = 0;
        for (Cue cue : cues) {
            if (cue.lines().isEmpty() || cue.endSeconds() <= cue.startSeconds()) {
                continue;
            }
            number++;
            out.write(Integer.toString(number));
            out.write("\n");
            out.write(timestamp(cue.startSeconds()));
            out.write(" --> ");
            out.write(timestamp(cue.endSeconds()));
            out.write("\n");
            for (String line : cue.lines()) {
                out.write(line);
                out.write("\n");
            }
            out.write("\n");
        }
    }

    /** {@code HH:MM:SS,mmm} of {@code seconds}, rounded to the nearest millisecond. */
    public static String timestamp(double seconds) {
        if (seconds < 0 || Double.isNaN(seconds)) {
            throw new IllegalArgumentException("an SRT time must not be negative, was " + seconds);
        }
        long millis = Math.round(seconds * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d,%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }
}
