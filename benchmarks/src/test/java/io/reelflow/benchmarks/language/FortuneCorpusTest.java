package io.reelflow.benchmarks.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link FortuneCorpus}. */
class FortuneCorpusTest {

    @Test
    void shouldSplitEntriesAtPercentLines() {
        String file = "Erster Spruch.\n%\nZweiter\nSpruch.\n%\n";

        assertThat(FortuneCorpus.entries(file))
                .containsExactly("Erster Spruch.\n", "Zweiter\nSpruch.\n");
    }

    @Test
    void shouldJoinLinesAndDropTheAttribution() {
        String entry = "Kto rano wstaje,\n  temu Pan Bóg daje.\n\t\t-- przysłowie polskie\n";

        assertThat(FortuneCorpus.clean(entry, 300)).contains("Kto rano wstaje, temu Pan Bóg daje.");
    }

    @Test
    void shouldRejectShortLongAndNonProseEntries() {
        assertThat(FortuneCorpus.clean("Ahoj!\n", 300)).isEmpty();
        assertThat(FortuneCorpus.clean("Das ist ein recht langer Satz ohne Ende.\n", 20)).isEmpty();
        assertThat(FortuneCorpus.clean("Hallo Welt ##### ||||| ///// ===== +++++ Text hier\n", 300))
                .isEmpty();
        assertThat(FortuneCorpus.clean("Mehr dazu auf https://example.org heute\n", 300)).isEmpty();
    }
}
