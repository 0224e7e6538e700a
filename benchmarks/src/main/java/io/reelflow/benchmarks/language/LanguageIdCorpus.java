package io.reelflow.benchmarks.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a tab-separated corpus with the header {@code iso639_3<TAB>text}, one paragraph a line. */
public final class LanguageIdCorpus {

    static final String HEADER = "iso639_3\ttext";

    private LanguageIdCorpus() {}

    public static List<LabelledText> read(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** Reads all rows; blank lines are skipped, a missing header or a row without a tab fails. */
    public static List<LabelledText> read(Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IOException("expected the header '" + HEADER + "', got '" + header + "'");
        }
        List<LabelledText> rows = new ArrayList<>();
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException("line " + lineNumber + ": expected '<iso639_3>\\t<text>'");
            }
            rows.add(new LabelledText(line.substring(0, tab).strip(), line.substring(tab + 1)));
        }
        return rows;
    }
}
