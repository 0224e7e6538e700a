package io.reelflow.connectors.catalog.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Readable asset ids for imported files: the file's name as a slug plus the start of its checksum
 * ({@code 01-bridge-3fa2b1c9}), so ids are stable for the same bytes and files of the same name in
 * different folders do not collide.
 */
public final class AssetIds {
    private static final int MAX_SLUG = 48;
    private static final int CHECKSUM_CHARS = 8;

    private AssetIds() {}

    public static String of(String fileName, String sha256) {
        String slug = slug(stem(fileName));
        String suffix = sha256.substring(0, CHECKSUM_CHARS);
        return slug.isEmpty() ? "asset-" + suffix : slug + "-" + suffix;
    }

    /** The file name without its extension. */
    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /**
     * A title guessed from a file name: {@code 01-bridge_at-night.jpg} → {@code 01 bridge at
     * night}.
     */
    public static String title(String fileName) {
        return stem(fileName).replaceAll("[-_.\\s]+", " ").strip();
    }

    static String slug(String text) {
        String ascii =
                Normalizer.normalize(text, Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}+", "")
                        .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug;
    }
}
