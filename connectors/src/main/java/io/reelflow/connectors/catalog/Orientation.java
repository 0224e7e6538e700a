package io.reelflow.connectors.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a picture is displayed: wider than tall, taller than wide, or square (after rotation). */
public enum Orientation {
    LANDSCAPE,
    PORTRAIT,
    SQUARE;

    /** The orientation of a displayed size, or null when the size is unknown (music). */
    public static Orientation of(int width, int height) {
        if (width <= 0 || height <= 0) {
            return null;
        }
        return width > height ? LANDSCAPE : width < height ? PORTRAIT : SQUARE;
    }

    /** The lower-case name stored in {@code asset_catalog.orientation} and in JSON lines. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label in any case. */
    @JsonCreator
    public static Orientation fromLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        try {
            return valueOf(label.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "orientation must be landscape, portrait or square (got " + label + ")");
        }
    }
}
