package io.reelflow.benchmarks.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Apache OpenNLP's maximum entropy detector with the {@code langdetect-183} model (103 languages,
 * ISO 639-3), from the Maven artifact {@code org.apache.opennlp:opennlp-models-langdetect}. It
 * never abstains: it always answers its most probable language.
 */
public final class OpenNlpClassifier implements LanguageClassifier {

    static final String MODEL_RESOURCE = "/langdetect-183.bin";

    private final LanguageDetectorME detector;
    private final Set<String> covered = new HashSet<>();

    public OpenNlpClassifier() {
        try (InputStream in = OpenNlpClassifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "OpenNLP model " + MODEL_RESOURCE + " is not on the class path");
            }
            detector = new LanguageDetectorME(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String code : detector.getSupportedLanguages()) {
            covered.add(toPart1(code));
        }
    }

    @Override
    public String name() {
        return "opennlp-langdetect-183";
    }

    @Override
    public boolean covers(String code) {
        return covered.contains(code);
    }

    @Override
    public String classify(String text) {
        return toPart1(detector.predictLanguage(text).getLang());
    }

    private static String toPart1(String part3) {
        return Iso639.toPart1(part3).orElse(part3);
    }
}
