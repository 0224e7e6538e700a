package io.reelflow.operators.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests for {@link SentenceEmbedder}. */
class SentenceEmbedderTest {

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.acquire();
    }

    @AfterAll
    static void release() {
        embedder.close();
    }

    @Test
    void shouldGiveUnitVectorsOf384Dimensions() {
        float[] vector = embedder.embed("a dog runs on the beach");

        assertThat(vector).hasSize(SentenceEmbedder.DIMENSIONS);
        assertThat(SentenceEmbedder.cosine(vector, vector)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void shouldScoreSimilarSentencesAboveUnrelatedOnes() {
        float[] dog = embedder.embed("a dog runs on the beach");
        float[] puppy = embedder.embed("a puppy playing by the sea");
        float[] market = embedder.embed("stock market report");

        double related = SentenceEmbedder.cosine(dog, puppy);
        double unrelated = SentenceEmbedder.cosine(dog, market);

        assertThat(related).isGreaterThan(0.4);
        assertThat(unrelated).isLessThan(0.2);
    }

    @Test
    void shouldGiveTheSameVectorEveryTimeAndAmongOtherTexts() {
        float[] first = embedder.embed("snow-covered mountains at dawn");
        float[] second = embedder.embed("snow-covered mountains at dawn");
        List<float[]> batch =
                embedder.embedAll(
                        List.of(
                                "a much longer sentence that makes the batch pad the short one",
                                "snow-covered mountains at dawn"));

        assertThat(second).containsExactly(first);
        // a text's vector must not depend on the texts embedded with it
        assertThat(batch.get(1)).containsExactly(first);
    }

    @Test
    void shouldEmbedFromManyThreadsAtOnce() throws Exception {
        float[] expected = embedder.embed("a red sports car");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> futures =
                    pool.invokeAll(
                            java.util.Collections.nCopies(
                                    8, () -> embedder.embed("a red sports car")));
            for (Future<float[]> future : futures) {
                assertThat(SentenceEmbedder.cosine(future.get(), expected))
                        .isCloseTo(1.0, within(1e-5));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldShareOneInstanceAndFreeAPrivateOneOnClose() {
        try (SentenceEmbedder again = SentenceEmbedder.acquire()) {
            assertThat(again).isSameAs(embedder);
        }
        // the shared one is still in use by this class
        assertThat(embedder.embed("still open")).hasSize(SentenceEmbedder.DIMENSIONS);

        SentenceEmbedder own = SentenceEmbedder.load();
        own.close();
        assertThatThrownBy(() -> own.embed("closed")).hasMessageContaining("closed");
    }

    @Test
    void shouldRejectVectorsOfDifferentLengths() {
        assertThatThrownBy(() -> SentenceEmbedder.cosine(new float[2], new float[3]))
                .hasMessageContaining("2 and 3 dimensions");
    }
}
