package io.reelflow.fonts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The font files on the class path of this jar: Roboto (Latin, Greek, Cyrillic) and Noto for the
 * other scripts, taken from Android's system fonts at build time, so text can be drawn on machines
 * without system fonts. {@code fonts.txt} lists them; licences and notices sit next to them.
 *
 * <pre>{@code
 * for (BundledFonts.Entry font : BundledFonts.all()) {
 *     try (InputStream in = font.open()) {
 *         Font[] faces = Font.createFonts(in);
 *     }
 * }
 * }</pre>
 */
public final class BundledFonts {

    /** The class-path folder of the fonts, their index, licences and notice. */
    public static final String FOLDER = "io/reelflow/fonts/";

    /** The index: one font file a line, then its licence; {@code #} starts a comment. */
    public static final String INDEX = FOLDER + "fonts.txt";

    private static final List<Entry> ALL = readIndex();

    private BundledFonts() {}

    /** One bundled font file. */
    public record Entry(String file, String licence) {

        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(licence, "licence");
        }

        /** The class-path resource name, e.g. {@code io/reelflow/fonts/Roboto-Bold.ttf}. */
        public String resource() {
            return FOLDER + file;
        }

        /** Where the file is on the class path; null when the jar lacks it. */
        public URL url() {
            return BundledFonts.class.getClassLoader().getResource(resource());
        }

        /** Opens the file; the caller closes the stream. */
        public InputStream open() throws IOException {
            InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(resource());
            if (in == null) {
                throw new IOException("bundled font " + file + " is not on the class path");
            }
            return in;
        }

        /** The licence text that applies, e.g. {@code io/reelflow/fonts/LICENSE-OFL-1.1.txt}. */
        public String licenceResource() {
            return FOLDER + "LICENSE-" + licence + ".txt";
        }
    }

    /** Every bundled font, in the order of the index (by file name). */
    public static List<Entry> all() {
        return ALL;
    }

    private static List<Entry> readIndex() {
        InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(INDEX);
        if (in == null) {
            throw new IllegalStateException(INDEX + " is missing from the class path");
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                if (fields.length != 2) {
                    throw new IllegalStateException(
                            INDEX + ": expected '<file> <licence>', was '" + line + "'");
                }
                entries.add(new Entry(fields[0], fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return List.copyOf(entries);
    }
}
