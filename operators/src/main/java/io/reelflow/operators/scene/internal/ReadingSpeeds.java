package io.reelflow.operators.scene.internal;

import java.util.Map;

/**
 * How fast a narrator speaks each language, relative to the configured reference speeds (English
 * words, Chinese characters). Words differ in length between languages: a Russian or Finnish word
 * carries more syllables than an English one, a Vietnamese "word" (as ICU splits it) is a single
 * syllable, so counting words at English speed would over- or under-estimate durations. Factors are
 * rounded from typical narration rates (words or characters per minute).
 */
public final class ReadingSpeeds {

    /** Words per second relative to {@code wordsPerSecond} (English = 1). */
    private static final Map<String, Double> WORD_FACTORS =
            Map.ofEntries(
                    Map.entry("en", 1.0),
                    Map.entry("de", 0.88),
                    Map.entry("nl", 0.96),
                    Map.entry("sv", 0.96),
                    Map.entry("da", 0.96),
                    Map.entry("no", 0.96),
                    Map.entry("fr", 1.04),
                    Map.entry("es", 1.04),
                    Map.entry("it", 1.0),
                    Map.entry("pt", 1.0),
                    Map.entry("ro", 0.96),
                    Map.entry("ru", 0.84),
                    Map.entry("uk", 0.84),
                    Map.entry("be", 0.84),
                    Map.entry("bg", 0.88),
                    Map.entry("sr", 0.88),
                    Map.entry("pl", 0.84),
                    Map.entry("cs", 0.88),
                    Map.entry("sk", 0.88),
                    Map.entry("el", 0.92),
                    Map.entry("fi", 0.76),
                    Map.entry("et", 0.8),
                    Map.entry("hu", 0.8),
                    Map.entry("tr", 0.8),
                    Map.entry("ar", 0.84),
                    Map.entry("he", 0.88),
                    Map.entry("fa", 0.96),
                    Map.entry("ur", 1.04),
                    Map.entry("hi", 1.08),
                    Map.entry("bn", 0.96),
                    Map.entry("ta", 0.72),
                    Map.entry("te", 0.8),
                    Map.entry("ko", 0.92),
                    Map.entry("id", 0.88),
                    Map.entry("ms", 0.88),
                    Map.entry("vi", 1.4));

    /** Characters per second relative to {@code charactersPerSecond} (Chinese = 1). */
    private static final Map<String, Double> CHARACTER_FACTORS =
            Map.of(
                    "zh", 0.9,
                    "ja", 1.2,
                    "th", 2.4,
                    "lo", 2.4,
                    "km", 2.4,
                    "my", 2.4);

    private ReadingSpeeds() {}

    /** Words per second for {@code language}, from the reference speed. */
    public static double wordsPerSecond(String language, double reference) {
        return reference * WORD_FACTORS.getOrDefault(language, 1.0);
    }

    /** Characters per second of spaceless scripts in {@code language}, from the reference. */
    public static double charactersPerSecond(String language, double reference) {
        return reference * CHARACTER_FACTORS.getOrDefault(language, 1.0);
    }
}
