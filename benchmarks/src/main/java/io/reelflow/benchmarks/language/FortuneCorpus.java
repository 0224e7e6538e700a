package io.reelflow.benchmarks.language;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Builds a corpus of short, informal texts (proverbs, jokes, sayings, graffiti) in 12 languages
 * from Debian's {@code fortunes-*} packages installed on this machine, as the TSV that {@link
 * LanguageIdEvaluation} reads. The texts are GPL, BSD or public domain (see {@link #SOURCES} and
 * benchmarks/README.md), so the corpus is built where it is needed rather than committed.
 *
 * <pre>
 * --out PATH            the TSV to write (required)
 * --fortunes DIR        the fortune files, default /usr/share/games/fortunes
 * --per-language N      texts per language, default 150
 * --max-chars N         longest text kept, default 300 (code points)
 * --seed N              the sample's seed, default 12
 * </pre>
 */
public final class FortuneCorpus {

    /** One language's fortune files, relative to the fortunes directory, and their package. */
    record Source(String label, String debianPackage, List<String> files) {}

    /**
     * Files of informal text only: proverbs, jokes, one-liners, graffiti, sayings. Technical files
     * (Linux, IRC logs), poems in old language and the Chinese files (Debian manual excerpts and
     * Tang poetry) are left out.
     */
    static final List<Source> SOURCES =
            List.of(
                    new Source("bul", "fortunes-bg", List.of("bg/bgproverb", "bg/intproverb")),
                    new Source("ces", "fortunes-cs", List.of("cs/citace", "cs/citat")),
                    new Source("deu", "fortunes-de", List.of("de/sprueche", "de/witze")),
                    new Source("eng", "fortunes", List.of("fortunes", "humorists")),
                    new Source("epo", "fortunes-eo", List.of("eo/proverbaro")),
                    new Source("gle", "fortunes-ga", List.of("ga/proverbs")),
                    new Source("ita", "fortunes-it", List.of("it/italia", "it/formiche")),
                    new Source("pol", "fortunes-pl", List.of("pl/dowcipy", "pl/dzieci")),
                    new Source("por", "fortunes-br", List.of("brasil")),
                    new Source("rus", "fortunes-ru", List.of("ru/just4fun", "ru/foolish")),
                    new Source("slk", "fortunes-cs", List.of("sk/klasik-sk")),
                    new Source(
                            "spa",
                            "fortunes-es",
                            List.of("es/pintadas.fortunes", "es/refranes.fortunes")));

    static final int MIN_LETTERS = 15;

    /** A line that starts an attribution ("-- Mark Twain"); it and what follows are dropped. */
    private static final Pattern ATTRIBUTION = Pattern.compile("^\\s*(--|\u2014|\u2015)\\s*\\S.*");

    private FortuneCorpus() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = LanguageIdEvaluation.parse(args);
        Path out = Path.of(required(options, "out"));
        Path dir = Path.of(options.getOrDefault("fortunes", "/usr/share/games/fortunes"));
        int perLanguage = Integer.parseInt(options.getOrDefault("per-language", "150"));
        int maxChars = Integer.parseInt(options.getOrDefault("max-chars", "300"));
        long seed = Long.parseLong(options.getOrDefault("seed", "12"));

        List<LabelledText> corpus = new ArrayList<>();
        for (Source source : SOURCES) {
            List<String> pool = new ArrayList<>(new LinkedHashSet<>(texts(dir, source, maxChars)));
            if (pool.size() < perLanguage) {
                throw new IllegalStateException(
                        source.label()
                                + ": only "
                                + pool.size()
                                + " usable texts in "
                                + source.files()
                                + " (package "
                                + source.debianPackage()
                                + "), need "
                                + perLanguage);
            }
            Collections.shuffle(pool, new Random(seed));
            pool.subList(0, perLanguage)
                    .forEach(t -> corpus.add(new LabelledText(source.label(), t)));
            System.out.printf(
                    "%s: %d of %d usable texts%n", source.label(), perLanguage, pool.size());
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(LanguageIdCorpus.HEADER + "\n");
            for (LabelledText row : corpus) {
                writer.write(row.label() + "\t" + row.text() + "\n");
            }
        }
        System.out.println("wrote " + corpus.size() + " texts to " + out.toAbsolutePath());
    }

    private static List<String> texts(Path dir, Source source, int maxChars) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : source.files()) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IOException(
                        path + " is missing: apt-get install " + source.debianPackage());
            }
            for (String entry : entries(Files.readString(path, StandardCharsets.UTF_8))) {
                clean(entry, maxChars).ifPresent(texts::add);
            }
        }
        return texts;
    }

    /** The entries of a fortune file: text between lines that hold only {@code %}. */
    static List<String> entries(String file) {
        List<String> entries = new ArrayList<>();
        StringBuilder entry = new StringBuilder();
        for (String line : file.split("\n", -1)) {
            if (line.strip().equals("%")) {
                entries.add(entry.toString());
                entry.setLength(0);
            } else {
                entry.append(line).append('\n');
            }
        }
        if (!entry.toString().isBlank()) {
            entries.add(entry.toString());
        }
        return entries;
    }

    /**
     * One entry as a single line without its attribution, or empty when it is too short, too long
     * or not mostly prose: control characters (terminal colours, overstriking), tabs inside the
     * text (tables), web addresses, or fewer than two letters in three non-space characters (ASCII
     * art).
     */
    static Optional<String> clean(String entry, int maxChars) {
        StringBuilder text = new StringBuilder();
        for (String line : entry.split("\n")) {
            if (ATTRIBUTION.matcher(line).matches()) {
                break;
            }
            if (line.strip().contains("\t") || line.contains("://")) {
                return Optional.empty();
            }
            text.append(line.strip()).append(' ');
        }
        String single = text.toString().replaceAll("\\s+", " ").strip();
        if (single.codePoints().anyMatch(cp -> Character.isISOControl(cp))) {
            return Optional.empty();
        }
        long letters = single.codePoints().filter(Character::isLetter).count();
        long visible = single.codePoints().filter(cp -> !Character.isWhitespace(cp)).count();
        if (letters < MIN_LETTERS
                || letters * 3 < visible * 2
                || single.codePointCount(0, single.length()) > maxChars) {
            return Optional.empty();
        }
        return Optional.of(single);
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing option --" + name);
        }
        return value;
    }
}
