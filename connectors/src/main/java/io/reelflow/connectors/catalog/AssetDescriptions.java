package io.reelflow.connectors.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Descriptions of media files, keyed by file name, read from tab-separated files with a header row
 * as stock libraries ship them. Columns are found by name, in any order, so a descriptions file
 * ({@code file, description, tags}) and a licence manifest ({@code file, license, author}) of the
 * same folder can both be read and merged. Unknown columns are ignored.
 *
 * <pre>{@code
 * file        title   description          tags              license    author
 * fox.jpg     Fox     A red fox in snow    fox,snow,winter   CC-BY-4.0  Ada
 * }</pre>
 */
public final class AssetDescriptions {
    /** Recognised header names (lower case) for each field. */
    private static final Map<String, String> COLUMNS = columns();

    private static final String FILE = "file";

    private final Map<String, AssetDescription> byFileName;

    private AssetDescriptions(Map<String, AssetDescription> byFileName) {
        this.byFileName = Map.copyOf(byFileName);
    }

    /** No descriptions: every file keeps only what the import derives. */
    public static AssetDescriptions none() {
        return new AssetDescriptions(Map.of());
    }

    /** Descriptions given directly, keyed by file name. */
    public static AssetDescriptions of(Map<String, AssetDescription> byFileName) {
        return new AssetDescriptions(byFileName);
    }

    /** Reads and merges TSV files; for a file named in several, later files' values win. */
    public static AssetDescriptions read(List<Path> files) throws IOException {
        AssetDescriptions merged = none();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                merged = merged.mergedWith(parse(reader, file.toString()));
            }
        }
        return merged;
    }

    /**
     * Parses one TSV; fails naming {@code source} and the line when the header has no file column
     * or a row has no file name.
     */
    public static AssetDescriptions parse(Reader tsv, String source) throws IOException {
        BufferedReader reader = tsv instanceof BufferedReader b ? b : new BufferedReader(tsv);
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty (expected a header row)");
        }
        List<String> fields = new ArrayList<>();
        for (String name : split(stripBom(header))) {
            fields.add(COLUMNS.get(name.strip().toLowerCase(Locale.ROOT)));
        }
        int fileColumn = fields.indexOf(FILE);
        if (fileColumn < 0) {
            throw new IllegalArgumentException(
                    source + " has no file column in its header (got: " + header + ")");
        }
        Map<String, AssetDescription> descriptions = new LinkedHashMap<>();
        int lineNumber = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < cells.size() && i < fields.size(); i++) {
                if (fields.get(i) != null) {
                    values.put(fields.get(i), cells.get(i).strip());
                }
            }
            String fileName = values.getOrDefault(FILE, "");
            if (fileName.isEmpty()) {
                throw new IllegalArgumentException(
                        source + " line " + lineNumber + " has no file name");
            }
            AssetDescription description =
                    new AssetDescription(
                            values.get("id"),
                            values.get("title"),
                            values.get("description"),
                            tags(values.get("tags")),
                            values.get("language"),
                            values.get("licence"),
                            values.get("author"),
                            values.get("sourceUrl"));
            descriptions.merge(fileName, description, AssetDescription::overriddenBy);
        }
        return new AssetDescriptions(descriptions);
    }

    /** This set plus {@code later}; where both describe a file, {@code later}'s values win. */
    public AssetDescriptions mergedWith(AssetDescriptions later) {
        Map<String, AssetDescription> merged = new HashMap<>(byFileName);
        later.byFileName.forEach(
                (name, d) -> merged.merge(name, d, AssetDescription::overriddenBy));
        return new AssetDescriptions(merged);
    }

    /** The description of the file named {@code fileName} (no directory), if any. */
    public Optional<AssetDescription> forFile(String fileName) {
        return Optional.ofNullable(byFileName.get(fileName));
    }

    public int size() {
        return byFileName.size();
    }

    /** Tags separated by commas or semicolons, trimmed, blanks dropped. */
    static List<String> tags(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[,;]"))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
    }

    private static List<String> split(String line) {
        return Arrays.asList(line.split("\t", -1));
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new HashMap<>();
        for (String name : List.of("file", "filename", "file_name")) {
            columns.put(name, FILE);
        }
        columns.put("id", "id");
        columns.put("asset_id", "id");
        columns.put("title", "title");
        columns.put("description", "description");
        columns.put("caption", "description");
        columns.put("tags", "tags");
        columns.put("keywords", "tags");
        columns.put("language", "language");
        columns.put("lang", "language");
        columns.put("licence", "licence");
        columns.put("license", "licence");
        columns.put("author", "author");
        columns.put("attribution", "author");
        columns.put("credit", "author");
        columns.put("source_url", "sourceUrl");
        columns.put("url", "sourceUrl");
        columns.put("source", "sourceUrl");
        return columns;
    }
}
