package io.reelflow.benchmarks.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests for {@link RetrievalEvaluation}. */
class RetrievalEvaluationTest {

    @Test
    void shouldBundleAtLeastSixtyLabelledQueriesInAtLeastFourLanguages() throws Exception {
        List<RetrievalEvaluation.LabelledQuery> queries;
        try (InputStream in =
                RetrievalEvaluation.class.getResourceAsStream(
                        "/io/reelflow/benchmarks/asset/retrieval-queries.tsv")) {
            queries =
                    RetrievalEvaluation.readQueries(
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }

        List<RetrievalEvaluation.LabelledQuery> labelled =
                queries.stream().filter(q -> !q.expected().isEmpty()).toList();
        Set<String> languages =
                labelled.stream()
                        .map(RetrievalEvaluation.LabelledQuery::language)
                        .collect(Collectors.toSet());
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(60);
        assertThat(languages).contains("en", "de", "fr", "es").hasSizeGreaterThanOrEqualTo(4);
        assertThat(labelled).allMatch(q -> q.expected().stream().allMatch(f -> f.endsWith(".jpg")));
    }

    @Test
    void shouldReadNoFitQueriesAndRejectMalformedLines() throws Exception {
        List<RetrievalEvaluation.LabelledQuery> queries =
                RetrievalEvaluation.readQueries(
                        new BufferedReader(
                                new StringReader("# c\nen\t-\tA robot.\nde\ta.jpg,b.jpg\tSee.\n")));

        assertThat(queries.get(0).expected()).isEmpty();
        assertThat(queries.get(1).expected()).containsExactly("a.jpg", "b.jpg");
        assertThatThrownBy(
                        () ->
                                RetrievalEvaluation.readQueries(
                                        new BufferedReader(new StringReader("en\tonly two\n"))))
                .hasMessageContaining("line 1");
    }
}
