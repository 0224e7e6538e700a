package io.reelflow.connectors.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Validation shared by the settings classes; messages name the setting that is wrong. */
public final class Checks {
    private static final String MASK = "******";

    private Checks() {}

    /** Returns {@code value} if it has non-whitespace text, else fails naming {@code setting}. */
    public static String requireText(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " must be set (got " + quote(value) + ")");
        }
        return value;
    }

    public static int requirePositive(int value, String setting) {
        if (value <= 0) {
            throw new IllegalArgumentException(setting + " must be > 0 (got " + value + ")");
        }
        return value;
    }

    public static long requireNonNegative(long value, String setting) {
        if (value < 0) {
            throw new IllegalArgumentException(setting + " must be >= 0 (got " + value + ")");
        }
        return value;
    }

    public static Duration requirePositive(Duration value, String setting) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(
                    setting + " must be a positive duration (got " + value + ")");
        }
        return value;
    }

    /** A copy of {@code properties} for logs and toString, with passwords and secrets hidden. */
    public static Map<String, String> maskSecrets(Map<String, String> properties) {
        Map<String, String> masked = new TreeMap<>();
        properties.forEach((key, value) -> masked.put(key, looksSecret(key) ? MASK : value));
        return masked;
    }

    /** {@code value} hidden when set, for toString of settings holding credentials. */
    public static String mask(String value) {
        return value == null ? null : MASK;
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.contains("jaas");
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
