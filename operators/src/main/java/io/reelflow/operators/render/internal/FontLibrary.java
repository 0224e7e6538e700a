package io.reelflow.operators.render.internal;

import io.reelflow.fonts.BundledFonts;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fonts the renderer draws text with: the configured font files and directories first, then the
 * fonts bundled in {@code reelflow-fonts} (Roboto, Noto for each script, Noto Sans CJK), each group
 * ordered by a family preference (bold faces first). A text is split into runs, each drawn with the
 * first font that has its glyphs, so one line may mix Arabic and Latin digits or Japanese and
 * English; characters no font has are left out and their scripts reported, never thrown. Font files
 * are opened when a text first needs them, once per JVM.
 */
public final class FontLibrary {

    private static final Map<Object, Optional<List<Font>>> LOADED = new ConcurrentHashMap<>();
    private static final Map<List<Object>, FontLibrary> LIBRARIES = new ConcurrentHashMap<>();

    /** The Noto Sans CJK face drawn for a language: Han glyph shapes differ by region. */
    private static final Map<String, String> CJK_REGIONS =
            Map.of("zh", "SC", "ja", "JP", "ko", "KR");

    private final List<Candidate> candidates;

    /** Per code point, the index of the first candidate that has it, or -1. */
    private final Map<Integer, Integer> firstCovering = new ConcurrentHashMap<>();

    private FontLibrary(List<Candidate> candidates) {
        this.candidates = candidates;
    }

    /**
     * The fonts in {@code paths} (font files, or directories searched recursively for {@code .ttf},
     * {@code .otf} and {@code .ttc}) followed by the bundled fonts, each group ordered by {@code
     * preferredFamilies} (e.g. {@code "Noto Sans"}, matched against file names such as {@code
     * NotoSans-Bold.ttf}). Missing paths are skipped. Libraries are cached per argument list.
     */
    public static FontLibrary of(List<Path> paths, List<String> preferredFamilies) {
        return LIBRARIES.computeIfAbsent(
                List.of(List.copyOf(paths), List.copyOf(preferredFamilies)),
                key -> scan(List.copyOf(paths), List.copyOf(preferredFamilies)));
    }

    private static FontLibrary scan(List<Path> paths, List<String> preferredFamilies) {
        List<String> preference = preferredFamilies.stream().map(FontLibrary::normalise).toList();
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(file -> isFontFile(file.getFileName().toString()))
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    // An unreadable directory contributes no fonts, like a missing one.
                }
            }
        }
        Comparator<Candidate> order =
                Comparator.comparingInt((Candidate c) -> familyRank(c.name(), preference))
                        .thenComparingInt(c -> styleRank(c.name()))
                        .thenComparing(Candidate::name);
        List<Candidate> configured = new ArrayList<>();
        for (Path file : files) {
            configured.add(new Candidate(file.getFileName().toString(), file, null));
        }
        configured.sort(order);
        List<Candidate> bundled = new ArrayList<>();
        for (BundledFonts.Entry entry : BundledFonts.all()) {
            bundled.add(new Candidate(entry.file(), null, entry));
        }
        bundled.sort(order);
        List<Candidate> all = new ArrayList<>(configured);
        all.addAll(bundled);
        return new FontLibrary(List.copyOf(all));
    }

    /** The font file names in the order they are tried: configured ones, then bundled ones. */
    public List<String> candidates() {
        return candidates.stream().map(Candidate::name).toList();
    }

    /** The first font that loads, at size 1: the measure for empty lines. */
    public Font primary() {
        for (Candidate candidate : candidates) {
            Optional<List<Font>> faces = candidate.faces();
            if (faces.isPresent()) {
                return faces.get().get(0);
            }
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 1);
    }

    /** The names of the scripts in {@code text} that no font has, e.g. {@code Old Hungarian}. */
    public List<String> missingScripts(String text) {
        return runs(text, null).missingScripts();
    }

    /**
     * {@code text} split into runs of one font each (at size 1). Letters go to the first font that
     * has them; spaces, punctuation, digits and combining marks stay in the current run when its
     * font has them, so a word is not split and shaping sees whole clusters. Characters no font has
     * are left out (with the spaces they leave doubled); emoji and other symbols are left out
     * quietly, letters and punctuation are reported by script. For Han, Kana and Hangul the
     * regional face of Noto Sans CJK for {@code language} (ISO 639-1, may be null) is used.
     */
    public FontRuns runs(String text, String language) {
        StringBuilder out = new StringBuilder(text.length());
        List<FontRuns.Run> runs = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        int current = -1;
        int runStart = 0;
        boolean dropped = false;
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(text);
        for (int start = clusters.first(), end = clusters.next();
                end != BreakIterator.DONE;
                start = end, end = clusters.next()) {
            String cluster = text.substring(start, end);
            int[] glyphs = cluster.codePoints().filter(cp -> !isIgnorable(cp)).toArray();
            int choice;
            if (isSpacing(glyphs)) {
                if (glyphs.length > 0
                        && dropped
                        && (out.isEmpty()
                                || Character.isWhitespace(out.charAt(out.length() - 1)))) {
                    continue;
                }
                if (current < 0) {
                    // Leading spaces and marks join the first run that has a font.
                    out.append(cluster);
                    continue;
                }
                choice = covers(current, glyphs) ? current : firstCovering(glyphs);
                if (choice < 0) {
                    cluster = " ";
                    choice = current;
                }
            } else {
                choice =
                        current >= 0 && isNeutral(glyphs) && covers(current, glyphs)
                                ? current
                                : firstCovering(glyphs);
                if (choice < 0) {
                    dropped = true;
                    reportMissing(glyphs, missing);
                    continue;
                }
            }
            if (choice != current) {
                if (current >= 0) {
                    runs.add(new FontRuns.Run(runStart, out.length(), face(current, language)));
                    runStart = out.length();
                }
                current = choice;
            }
            out.append(cluster);
        }
        if (dropped) {
            while (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
        }
        if (out.length() > runStart) {
            Font font = current >= 0 ? face(current, language) : primary();
            runs.add(new FontRuns.Run(runStart, out.length(), font));
        }
        return new FontRuns(out.toString(), runs, List.copyOf(missing));
    }

    /**
     * Reports the script of a left-out cluster: of its first character no font has, else (no one
     * font has them all) of its first character; clusters of symbols only are not reported.
     */
    private void reportMissing(int[] glyphs, Set<String> missing) {
        int reported = -1;
        for (int cp : glyphs) {
            if (isOptional(cp)) {
                continue;
            }
            if (firstCovering(cp) < 0) {
                reported = cp;
                break;
            }
            if (reported < 0) {
                reported = cp;
            }
        }
        if (reported >= 0) {
            missing.add(scriptName(reported));
        }
    }

    /** The first candidate that has every one of {@code glyphs}, or -1. */
    private int firstCovering(int[] glyphs) {
        int first = firstCovering(glyphs[0]);
        if (first < 0) {
            return -1;
        }
        for (int i = first; i < candidates.size(); i++) {
            if (covers(i, glyphs)) {
                return i;
            }
        }
        return -1;
    }

    private int firstCovering(int cp) {
        return firstCovering.computeIfAbsent(
                cp,
                key -> {
                    for (int i = 0; i < candidates.size(); i++) {
                        Optional<List<Font>> faces = candidates.get(i).faces();
                        if (faces.isPresent() && faces.get().get(0).canDisplay(key)) {
                            return i;
                        }
                    }
                    return -1;
                });
    }

    private boolean covers(int candidate, int[] glyphs) {
        Optional<List<Font>> faces = candidates.get(candidate).faces();
        if (faces.isEmpty()) {
            return false;
        }
        Font font = faces.get().get(0);
        for (int cp : glyphs) {
            if (!font.canDisplay(cp)) {
                return false;
            }
        }
        return true;
    }

    /** The face of a candidate to draw with: in a collection, the one for the language. */
    private Font face(int candidate, String language) {
        List<Font> faces = candidates.get(candidate).faces().orElseThrow();
        if (faces.size() == 1) {
            return faces.get(0);
        }
        String region =
                language == null
                        ? null
                        : CJK_REGIONS.get(language.toLowerCase(Locale.ROOT).split("[-_]")[0]);
        Font proportional = null;
        for (Font face : faces) {
            String family = face.getFamily(Locale.ROOT);
            if (family.contains("Mono")) {
                continue;
            }
            if (region != null && family.contains(" " + region)) {
                return face;
            }
            if (proportional == null) {
                proportional = face;
            }
        }
        return proportional != null ? proportional : faces.get(0);
    }

    /**
     * Characters that need no glyph of their own: format characters (joiners, direction marks),
     * controls and variation selectors.
     */
    private static boolean isIgnorable(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.CONTROL
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x180B && cp <= 0x180D)
                || cp == 0x034F;
    }

    /** Emoji and other symbols are drawn when a font has them, else left out without a report. */
    private static boolean isOptional(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED;
    }

    private static boolean isSpacing(int[] glyphs) {
        for (int cp : glyphs) {
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                return false;
            }
        }
        return true;
    }

    /** Punctuation, digits and marks shared by scripts: they may stay in the current run. */
    private static boolean isNeutral(int[] glyphs) {
        for (int cp : glyphs) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.COMMON
                    && script != Character.UnicodeScript.INHERITED) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name users recognise: the script (e.g. {@code Old Hungarian}), or for shared characters the
     * Unicode block (e.g. {@code Mathematical Alphanumeric Symbols}).
     */
    static String scriptName(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script != Character.UnicodeScript.COMMON
                && script != Character.UnicodeScript.INHERITED
                && script != Character.UnicodeScript.UNKNOWN) {
            return titleCase(script.name());
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == null
                ? String.format(Locale.ROOT, "U+%04X", cp)
                : titleCase(block.toString());
    }

    private static String titleCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                if (!name.isEmpty()) {
                    name.append(' ');
                }
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static boolean isFontFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".ttf") || lower.endsWith(".otf") || lower.endsWith(".ttc");
    }

    private static int familyRank(String name, List<String> preference) {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        int dash = base.indexOf('-');
        String family = normalise(dash > 0 ? base.substring(0, dash) : base);
        int rank = preference.indexOf(family);
        return rank >= 0 ? rank : preference.size();
    }

    /** Bold first (subtitles and titles are bold), then regular, then other weights; no italics. */
    private static int styleRank(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        int slant = name.contains("italic") || name.contains("oblique") ? 10 : 0;
        String style = name.contains("-") ? name.substring(name.lastIndexOf('-') + 1) : "regular";
        if (style.startsWith("bold.")) {
            return slant;
        }
        if (style.startsWith("regular.") || !name.contains("-")) {
            return slant + 1;
        }
        return slant + 2;
    }

    private static String normalise(String family) {
        return family.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** A font file: configured ({@code file}) or bundled ({@code bundled}). */
    private record Candidate(String name, Path file, BundledFonts.Entry bundled) {

        /** The faces of the file (several in a {@code .ttc}), or empty when it cannot be read. */
        Optional<List<Font>> faces() {
            Object key = file != null ? file : bundled.resource();
            return LOADED.computeIfAbsent(key, k -> load());
        }

        private Optional<List<Font>> load() {
            try {
                Font[] fonts = file != null ? Font.createFonts(file.toFile()) : loadBundled();
                return fonts.length == 0 ? Optional.empty() : Optional.of(List.of(fonts));
            } catch (IOException | FontFormatException | RuntimeException e) {
                // A broken or unsupported file is skipped like a font without the glyphs.
                return Optional.empty();
            }
        }

        private Font[] loadBundled() throws IOException, FontFormatException {
            URL url = bundled.url();
            if (url != null && "file".equals(url.getProtocol())) {
                try {
                    return Font.createFonts(new File(url.toURI()));
                } catch (URISyntaxException e) {
                    // Read it as a stream below.
                }
            }
            // Inside a jar: Java2D copies the stream to a temporary file, once per JVM.
            try (InputStream in = bundled.open()) {
                return Font.createFonts(in);
            }
        }
    }
}
