package io.reelflow.connectors.catalog;

import java.util.List;

/**
 * What a stock library says about one file: its wording, credits and, optionally, the asset id to
 * give it. Every field may be null (tags: empty) when the library does not say.
 */
public record AssetDescription(
        String id,
        String title,
        String description,
        List<String> tags,
        String language,
        String licence,
        String author,
        String sourceUrl) {

    public static final AssetDescription NONE =
            new AssetDescription(null, null, null, List.of(), null, null, null, null);

    public AssetDescription {
        id = blankToNull(id);
        title = blankToNull(title);
        description = blankToNull(description);
        tags = tags == null ? List.of() : List.copyOf(tags);
        language = blankToNull(language);
        licence = blankToNull(licence);
        author = blankToNull(author);
        sourceUrl = blankToNull(sourceUrl);
    }

    /** This description with the fields {@code later} sets taking precedence. */
    public AssetDescription overriddenBy(AssetDescription later) {
        return new AssetDescription(
                orElse(later.id, id),
                orElse(later.title, title),
                orElse(later.description, description),
                later.tags.isEmpty() ? tags : later.tags,
                orElse(later.language, language),
                orElse(later.licence, licence),
                orElse(later.author, author),
                orElse(later.sourceUrl, sourceUrl));
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
