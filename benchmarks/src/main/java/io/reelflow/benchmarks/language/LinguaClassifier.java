package io.reelflow.benchmarks.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * Lingua alone, the component our detector builds on: all its languages, low accuracy mode, no
 * script rules, abstention or OpenNLP. It answers {@code "und"} only when Lingua itself returns
 * {@code UNKNOWN}.
 */
public final class LinguaClassifier implements LanguageClassifier {

    private final LanguageDetector detector =
            LanguageDetectorBuilder.fromAllLanguages()
                    .withLowAccuracyMode()
                    .withPreloadedLanguageModels()
                    .build();

    @Override
    public String name() {
        return "lingua-low";
    }

    @Override
    public boolean covers(String code) {
        try {
            return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)))
                    != Language.UNKNOWN;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String classify(String text) {
        Language language = detector.detectLanguageOf(text);
        return language == Language.UNKNOWN
                ? "und"
                : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
