package io.reelflow.connectors.catalog;

import io.reelflow.connectors.catalog.ImportedFile.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The result of an import: every file with its outcome, in the order they were found. */
public record ImportReport(String source, List<ImportedFile> files, Duration elapsed) {

    public ImportReport {
        files = List.copyOf(files);
    }

    public List<ImportedFile> withOutcome(Outcome outcome) {
        return files.stream().filter(file -> file.outcome() == outcome).toList();
    }

    public int count(Outcome outcome) {
        return withOutcome(outcome).size();
    }

    public boolean hasRejections() {
        return count(Outcome.REJECTED) > 0;
    }

    /**
     * One line, e.g. {@code 52 files in 12.3 s: 49 imported, 0 updated, 1 unchanged, 2 rejected}.
     */
    public String summary() {
        int media = files.size() - count(Outcome.SKIPPED);
        String line =
                String.format(
                        Locale.ROOT,
                        "%d files in %.1f s: %d imported, %d updated, %d unchanged, %d rejected",
                        media,
                        elapsed.toMillis() / 1000.0,
                        count(Outcome.IMPORTED),
                        count(Outcome.UPDATED),
                        count(Outcome.UNCHANGED),
                        count(Outcome.REJECTED));
        int skipped = count(Outcome.SKIPPED);
        return skipped == 0 ? line : line + " (" + skipped + " non-media files skipped)";
    }
}
