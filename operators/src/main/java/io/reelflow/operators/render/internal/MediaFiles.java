package io.reelflow.operators.render.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names for downloaded media files. */
public final class MediaFiles {
    private static final Pattern SAFE_EXTENSION = Pattern.compile("[A-Za-z0-9]{1,5}");

    private MediaFiles() {}

    /**
     * The extension of {@code uri}'s last segment with its dot (".jpg"), lower-cased, or "" when it
     * has none or an odd one. FFmpeg and ImageIO pick their readers by it, and it never carries a
     * path into a local file name.
     */
    public static String extensionOf(String uri) {
        int slash = uri.lastIndexOf('/');
        int dot = uri.lastIndexOf('.');
        if (dot > slash && dot + 1 < uri.length()) {
            String extension = uri.substring(dot + 1);
            if (SAFE_EXTENSION.matcher(extension).matches()) {
                return "." + extension.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
