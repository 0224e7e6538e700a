package io.reelflow.operators.render;

import io.reelflow.operators.render.internal.FontLibrary;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fonts subtitles and title cards are drawn with, as a value: the font files and directories
 * you configure come first, then the fonts bundled with Reelflow ({@code reelflow-fonts}: Roboto,
 * Noto for each script, Noto Sans CJK); each group is ordered by {@code families}. Each character
 * is drawn with the first font that has it; what no font has is left out of the picture. It also
 * answers, before any GPU work, which scripts of a text would be left out:
 *
 * <pre>{@code
 * RenderFonts fonts = RenderConfig.defaults().fonts();
 * fonts.missingScripts("𐲀𐲁𐲂 and English"); // [Old Hungarian]
 * }</pre>
 *
 * <p>Cheap to create and serializable, so Flink functions carry it; the font files are read once
 * per JVM, when a text first needs them.
 *
 * @param paths font files or directories searched recursively ({@code .ttf}, {@code .otf}, {@code
 *     .ttc}); {@code ${java.home}} is replaced by the JVM's home; missing ones are skipped
 * @param families preferred families, first first, matched against file names (e.g. {@code "Noto
 *     Sans"} matches {@code NotoSans-Bold.ttf})
 */
public record RenderFonts(List<String> paths, List<String> families) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RenderFonts {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(families, "families");
        paths = List.copyOf(paths);
        families = List.copyOf(families);
        if (paths.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("font paths must not be blank, were " + paths);
        }
        if (families.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("font families must not be blank, were " + families);
        }
    }

    /** The names of the scripts in {@code text} that no font has (e.g. {@code Tangut}), if any. */
    public List<String> missingScripts(String text) {
        return library().missingScripts(text);
    }

    /**
     * For a request's text, a warning naming the scripts that will be missing from the burned-in
     * picture, or empty when every script has a font.
     */
    public Optional<String> warningFor(String text) {
        List<String> missing = missingScripts(text);
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        describe(missing)
                                + " text has no font: it will be left out of burned-in subtitles"
                                + " and title cards; SRT and WebVTT keep it");
    }

    /** {@link #paths} on this machine. */
    public List<Path> resolvePaths() {
        String javaHome = System.getProperty("java.home");
        return paths.stream().map(p -> Path.of(p.replace("${java.home}", javaHome))).toList();
    }

    /** The fonts themselves, shared per JVM. */
    FontLibrary library() {
        return FontLibrary.of(resolvePaths(), families);
    }

    /** The note of a render that left {@code scripts} out of {@code where}. */
    static String leftOutNote(List<String> scripts, List<String> where) {
        return describe(scripts)
                + " text has no font: left out of "
                + describe(where)
                + "; SRT and WebVTT keep it";
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    private static String describe(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1))
                + " and "
                + names.get(names.size() - 1);
    }
}
