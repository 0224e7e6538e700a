package io.reelflow.connectors.catalog;

import io.reelflow.schemas.AssetKind;

/**
 * What {@link MediaProber} found in a file. {@code width}/{@code height} are the displayed size
 * (after {@code rotation}, clockwise degrees); 0 for music. {@code durationSeconds} is 0 for
 * photos.
 */
public record MediaInfo(
        AssetKind kind, double durationSeconds, int width, int height, String codec, int rotation) {

    /** Landscape, portrait or square; null for music. */
    public Orientation orientation() {
        return Orientation.of(width, height);
    }
}
