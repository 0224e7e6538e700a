package io.reelflow.benchmarks.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link LanguageIdEvaluation}, {@link LanguageIdCorpus} and {@link Iso639}. */
class LanguageIdEvaluationTest {

    private static final String CORPUS =
            "iso639_3\ttext\n"
                    + "deu\tDer Hund schläft im Garten.\n"
                    + "eng\tThe dog sleeps in the garden.\n"
                    + "\n"
                    + "eng\tThe cat sleeps on the sofa.\n"
                    + "npi\tकुकुर बगैंचामा सुतिरहेको छ।\n";

    /** Knows German and English by one word each; abstains on anything else. */
    private static final LanguageClassifier TOY =
            new LanguageClassifier() {
                @Override
                public String name() {
                    return "toy";
                }

                @Override
                public boolean covers(String code) {
                    return code.equals("de") || code.equals("en");
                }

                @Override
                public String classify(String text) {
                    if (text.contains("Der")) {
                        return "de";
                    }
                    return text.contains("dog") ? "en" : "und";
                }
            };

    @Test
    void shouldReadCorpusSkippingBlankLines() throws IOException {
        List<LabelledText> rows = LanguageIdCorpus.read(new StringReader(CORPUS));

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(new LabelledText("deu", "Der Hund schläft im Garten."));
    }

    @Test
    void shouldRejectCorpusWithoutHeader() {
        assertThatThrownBy(() -> LanguageIdCorpus.read(new StringReader("deu\tDer Hund\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("header");
    }

    @Test
    void shouldScoreParagraphsAndPrefixes() throws IOException {
        List<LabelledText> rows = LanguageIdCorpus.read(new StringReader(CORPUS));

        LanguageIdScores.Summary paragraphs =
                LanguageIdEvaluation.score(TOY, rows, LabelledText::text);
        LanguageIdScores.Summary prefixes =
                LanguageIdEvaluation.score(TOY, rows, row -> row.prefix(3));

        // the cat sentence is missed (und on a covered language); Nepali abstention is correct
        assertThat(paragraphs.accuracy()).isEqualTo(0.75);
        assertThat(paragraphs.coveredAccuracy()).isEqualTo(2.0 / 3);
        assertThat(paragraphs.uncoveredAbstentionRate()).isEqualTo(1.0);
        assertThat(prefixes.accuracy()).isEqualTo(0.5);
        assertThat(prefixes.worst().get(0).label()).isEqualTo("eng");
    }

    @Test
    void shouldTakePrefixByCodePoints() {
        LabelledText row = new LabelledText("eng", "a😀bc");

        assertThat(row.prefix(2)).isEqualTo("a😀");
        assertThat(row.prefix(20)).isEqualTo("a😀bc");
    }

    @Test
    void shouldMapEveryCorpusLabelAndIndividualLanguagesToIsoPart1() {
        assertThat(Iso639.CORPUS_LABELS).hasSize(76);
        assertThat(Iso639.toPart1("arb")).hasValue("ar");
        assertThat(Iso639.toPart1("cmn")).hasValue("zh");
        assertThat(Iso639.toPart1("nob")).hasValue("nb");
        assertThat(Iso639.toPart1("npi")).hasValue("ne");
        assertThat(Iso639.toPart1("fas")).hasValue("fa");
        assertThat(Iso639.toPart1("bre")).hasValue("br");
        assertThat(Iso639.toPart1("xyz")).isEmpty();
    }

    @Test
    void shouldParseOptionsAndRejectDanglingOnes() {
        assertThat(LanguageIdEvaluation.parse(new String[] {"--corpus", "a.tsv", "--out", "b"}))
                .isEqualTo(Map.of("corpus", "a.tsv", "out", "b"));
        assertThatThrownBy(() -> LanguageIdEvaluation.parse(new String[] {"--corpus"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--name value");
    }
}
