package io.reelflow.connectors.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Catalog entries as JSON lines: the {@link JsonLinesAssetCatalog} line format (one {@link
 * io.reelflow.operators.port.CatalogAsset} per line) extended with {@code orientation}, {@code
 * codec}, {@code rotation} and {@code thumbnailUri}. So an export is also a manifest that {@link
 * JsonLinesAssetCatalog} reads, and manifests in the old format import as long as they carry a
 * SHA-256 {@code checksum}. A bad line is reported and skipped, never fatal.
 */
public final class CatalogJsonLines {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The entries read, each with its line number, and the skipped lines with their reasons. */
    public record Parsed(List<NumberedEntry> entries, List<String> problems) {
        public Parsed {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    /** An entry and the line it came from. */
    public record NumberedEntry(int line, CatalogEntry entry) {}

    private CatalogJsonLines() {}

    public static Parsed read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    /** Parses JSON lines; blank lines are ignored, bad ones become a problem naming the line. */
    public static Parsed parse(Reader lines) throws IOException {
        BufferedReader reader = lines instanceof BufferedReader b ? b : new BufferedReader(lines);
        List<NumberedEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                CatalogEntry entry = JSON.readValue(line, CatalogEntry.class);
                if (entry == null) {
                    throw new IllegalArgumentException("not an entry (null)");
                }
                entries.add(new NumberedEntry(lineNumber, entry));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add("line " + lineNumber + ": " + reason(e));
            }
        }
        return new Parsed(entries, problems);
    }

    /** Writes one entry per line, in the given order. */
    public static void write(Collection<CatalogEntry> entries, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (CatalogEntry entry : entries) {
                writer.write(JSON.writeValueAsString(entry));
                writer.newLine();
            }
        }
    }

    /** The validation message when the record refused the line, else Jackson's first line. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message =
                cause instanceof IllegalArgumentException ? cause.getMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
