package io.reelflow.operators.port;

import io.reelflow.schemas.AssetKind;
import java.util.List;

/**
 * One entry of the asset catalog: where the media is, what it shows, and whom to credit. {@code
 * durationSeconds} is 0 for photos.
 */
public record CatalogAsset(
        String id,
        String uri,
        AssetKind kind,
        double durationSeconds,
        int width,
        int height,
        String title,
        String description,
        List<String> tags,
        String language,
        String licence,
        String author,
        String sourceUrl,
        String checksum) {

    public CatalogAsset {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
