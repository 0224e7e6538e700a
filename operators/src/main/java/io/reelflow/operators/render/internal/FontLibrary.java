package io.reelflow.operators.render.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The font files the renderer may draw text with, found in configured files and directories and
 * ordered by a family preference (bold faces first). For each text it picks the first font that
 * displays every character, so Latin, Cyrillic, Greek, Arabic, Hebrew, CJK and Devanagari each get
 * a font that has their glyphs; when none does, the render fails and says which character and which
 * package to install. Files are only opened when a text needs them, and once per JVM.
 */
public final class FontLibrary {

    private static final Map<Path, Optional<Font>> LOADED = new ConcurrentHashMap<>();
    private static final Map<List<Object>, FontLibrary> LIBRARIES = new ConcurrentHashMap<>();

    private final List<Path> searched;
    private final List<Path> candidates;

    private FontLibrary(List<Path> searched, List<Path> candidates) {
        this.searched = searched;
        this.candidates = candidates;
    }

    /**
     * The fonts in {@code paths} (font files, or directories searched recursively for {@code .ttf},
     * {@code .otf} and {@code .ttc}), ordered by {@code preferredFamilies} (e.g. {@code "Noto
     * Sans"}, matched against file names such as {@code NotoSans-Bold.ttf}). Missing paths are
     * skipped. Libraries are cached per argument list.
     */
    public static FontLibrary of(List<Path> paths, List<String> preferredFamilies) {
        return LIBRARIES.computeIfAbsent(
                List.of(List.copyOf(paths), List.copyOf(preferredFamilies)),
                key -> scan(List.copyOf(paths), List.copyOf(preferredFamilies)));
    }

    private static FontLibrary scan(List<Path> paths, List<String> preferredFamilies) {
        List<String> preference = preferredFamilies.stream().map(FontLibrary::normalise).toList();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(FontLibrary::isFontFile)
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    // An unreadable directory contributes no fonts; the error message lists it.
                }
            }
        }
        files.sort(
                Comparator.comparingInt((Path file) -> familyRank(file, preference))
                        .thenComparingInt(FontLibrary::styleRank)
                        .thenComparing(Path::toString));
        return new FontLibrary(paths, List.copyOf(files));
    }

    /** The font files in the order they are tried. */
    public List<Path> candidates() {
        return candidates;
    }

    /**
     * The first font that displays every visible character of {@code text}, at size 1 (derive the
     * size you need).
     *
     * @throws IllegalStateException naming the first character no configured font covers
     */
    public Font fontFor(String text) {
        String required = visibleCharacters(text);
        for (Path file : candidates) {
            Optional<Font> font = load(file);
            if (font.isPresent() && font.get().canDisplayUpTo(required) == -1) {
                return font.get();
            }
        }
        throw new IllegalStateException(uncovered(required));
    }

    private String uncovered(String required) {
        int missing = required.isEmpty() ? ' ' : required.codePointAt(0);
        for (int i = 0; i < required.length(); ) {
            int cp = required.codePointAt(i);
            i += Character.charCount(cp);
            boolean covered = false;
            for (Path file : candidates) {
                Optional<Font> font = load(file);
                if (font.isPresent() && font.get().canDisplay(cp)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                missing = cp;
                break;
            }
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(missing);
        String scriptName =
                script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT);
        return String.format(
                Locale.ROOT,
                "no configured font covers %s (U+%04X, %s); font paths searched: %s (%d font"
                        + " files); install %s",
                new String(Character.toChars(missing)),
                missing,
                scriptName,
                searched.stream().map(Path::toString).collect(Collectors.joining(", ")),
                candidates.size(),
                packageFor(script));
    }

    private static String packageFor(Character.UnicodeScript script) {
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO -> "fonts-noto-cjk";
            default -> "fonts-noto-core";
        };
    }

    /**
     * The characters that need a glyph: not spaces, controls, direction marks or symbols such as
     * emoji, which are drawn when a font has them and skipped otherwise.
     */
    static String visibleCharacters(String text) {
        StringBuilder required = new StringBuilder();
        text.codePoints()
                .filter(
                        cp -> {
                            int type = Character.getType(cp);
                            return !Character.isWhitespace(cp)
                                    && !Character.isSpaceChar(cp)
                                    && type != Character.CONTROL
                                    && type != Character.FORMAT
                                    && type != Character.OTHER_SYMBOL
                                    && type != Character.PRIVATE_USE
                                    && type != Character.SURROGATE
                                    && type != Character.UNASSIGNED;
                        })
                .forEach(required::appendCodePoint);
        return required.toString();
    }

    private static Optional<Font> load(Path file) {
        return LOADED.computeIfAbsent(
                file,
                path -> {
                    try {
                        Font[] fonts = Font.createFonts(path.toFile());
                        return fonts.length == 0 ? Optional.empty() : Optional.of(fonts[0]);
                    } catch (IOException | FontFormatException | RuntimeException e) {
                        // A broken or unsupported file is skipped like a font without the glyphs.
                        return Optional.empty();
                    }
                });
    }

    private static boolean isFontFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc");
    }

    private static int familyRank(Path file, List<String> preference) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        int dash = base.indexOf('-');
        String family = normalise(dash > 0 ? base.substring(0, dash) : base);
        int rank = preference.indexOf(family);
        return rank >= 0 ? rank : preference.size();
    }

    /** Bold first (subtitles and titles are bold), then regular, then other weights; no italics. */
    private static int styleRank(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
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
}
