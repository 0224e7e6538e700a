package io.reelflow.benchmarks.language;

/** A language identifier under evaluation: text in, ISO 639-1 code or {@code "und"} out. */
public interface LanguageClassifier {

    String name();

    /** Whether the classifier can ever answer {@code code} (ISO 639-1). */
    boolean covers(String code);

    /** The language of {@code text}: an ISO 639-1 code, or {@code "und"} when it abstains. */
    String classify(String text);
}
