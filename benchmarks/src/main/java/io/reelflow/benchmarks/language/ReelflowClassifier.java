package io.reelflow.benchmarks.language;

import io.reelflow.operators.language.LanguageDetector;
import io.reelflow.operators.language.LanguageDetectorConfig;

/**
 * Our {@link LanguageDetector}; its fallback language is set to {@code "und"} to see abstentions.
 */
public final class ReelflowClassifier implements LanguageClassifier {

    private final String name;
    private final LanguageDetector detector;

    public ReelflowClassifier(String name, LanguageDetectorConfig config) {
        this.name = name;
        this.detector = LanguageDetector.shared(config.withFallbackLanguage("und"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean covers(String code) {
        return detector.config().allows(code);
    }

    @Override
    public String classify(String text) {
        return detector.detect(text, null).code();
    }
}
