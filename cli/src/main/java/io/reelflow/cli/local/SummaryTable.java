package io.reelflow.cli.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints the local run's results as a table, with where each video is on disk. */
final class SummaryTable {
    private SummaryTable() {}

    static void print(
            PrintStream out, List<ResultsWatcher.Row> rows, List<String> expected, Path s3Root) {
        out.println();
        out.printf(
                "%-28s %-9s %-4s %-6s %-6s %-9s %-7s %-7s %s%n",
                "request", "status", "lang", "scenes", "secs", "size", "quality", "credits",
                "video");
        for (ResultsWatcher.Row row : rows) {
            out.printf(
                    "%-28s %-9s %-4s %-6s %-6s %-9s %-7s %-7s %s%n",
                    row.requestId(),
                    row.status(),
                    nullToDash(row.language()),
                    nullToDash(row.sceneCount()),
                    row.durationSeconds() == null
                            ? "-"
                            : String.format("%.2f", row.durationSeconds()),
                    row.width() == null ? "-" : row.width() + "x" + row.height(),
                    row.qualityScore() == null ? "-" : String.format("%.0f", row.qualityScore()),
                    row.credits() == null ? "-" : row.credits().size(),
                    row.videoUri() == null ? row.error() : where(row.videoUri(), s3Root));
        }
        long missing = expected.size() - rows.size();
        if (missing > 0) {
            out.printf("%d request(s) have no result yet%n", missing);
        }
        out.println();
    }

    /** The S3 URI, plus the file behind it when the local S3 server keeps objects on disk. */
    private static String where(String uri, Path s3Root) {
        if (!uri.startsWith("s3://")) {
            return uri;
        }
        Path file = s3Root.resolve(uri.substring("s3://".length()));
        return Files.exists(file) ? uri + "  ->  " + file : uri;
    }

    private static String nullToDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
