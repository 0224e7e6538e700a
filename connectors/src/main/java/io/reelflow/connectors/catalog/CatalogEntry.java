package io.reelflow.connectors.catalog;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetKind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of {@code asset_catalog}: a {@link CatalogAsset} plus what the import learned about the
 * file (orientation, codec, rotation, thumbnail). {@code width}/{@code height} are the displayed
 * size, after rotation; both are 0 for music, as {@code durationSeconds} is for photos. {@code
 * checksum} is the lower-case hex SHA-256 of the file's bytes and identifies the entry.
 */
public record CatalogEntry(
        String id,
        String uri,
        AssetKind kind,
        double durationSeconds,
        int width,
        int height,
        Orientation orientation,
        String codec,
        int rotation,
        String title,
        String description,
        List<String> tags,
        String language,
        String licence,
        String author,
        String sourceUrl,
        String checksum,
        String thumbnailUri) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<Integer> ROTATIONS = Set.of(0, 90, 180, 270);

    public CatalogEntry {
        requireText(id, "id");
        requireText(uri, "uri of asset " + id);
        if (kind == null) {
            throw new IllegalArgumentException("kind of asset " + id + " is missing");
        }
        if (checksum == null || !SHA256_HEX.matcher(checksum).matches()) {
            throw new IllegalArgumentException(
                    "checksum of asset "
                            + id
                            + " must be a lower-case hex SHA-256 (got "
                            + checksum
                            + ")");
        }
        if (durationSeconds < 0 || width < 0 || height < 0) {
            throw new IllegalArgumentException(
                    "asset " + id + " has a negative duration, width or height");
        }
        if (!ROTATIONS.contains(rotation)) {
            throw new IllegalArgumentException(
                    "rotation of asset "
                            + id
                            + " must be 0, 90, 180 or 270 (got "
                            + rotation
                            + ")");
        }
        if (orientation == null) {
            orientation = Orientation.of(width, height);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The entry as the operators see it. */
    public CatalogAsset asset() {
        return new CatalogAsset(
                id,
                uri,
                kind,
                durationSeconds,
                width,
                height,
                title,
                description,
                tags,
                language,
                licence,
                author,
                sourceUrl,
                checksum);
    }

    /**
     * A copy whose descriptive fields (title, description, tags, language, licence, author, source
     * URL) are replaced by those {@code description} sets; the others stay.
     */
    public CatalogEntry describedBy(AssetDescription description) {
        return new CatalogEntry(
                id,
                uri,
                kind,
                durationSeconds,
                width,
                height,
                orientation,
                codec,
                rotation,
                orElse(description.title(), title),
                orElse(description.description(), this.description),
                description.tags().isEmpty() ? tags : description.tags(),
                orElse(description.language(), language),
                orElse(description.licence(), licence),
                orElse(description.author(), author),
                orElse(description.sourceUrl(), sourceUrl),
                checksum,
                thumbnailUri);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
