package io.reelflow.operators.asset;

import static io.reelflow.operators.asset.AssetTestCatalog.LANDSCAPE_HEIGHT;
import static io.reelflow.operators.asset.AssetTestCatalog.LANDSCAPE_WIDTH;
import static io.reelflow.operators.asset.AssetTestCatalog.nature;
import static io.reelflow.operators.asset.AssetTestCatalog.photo;
import static io.reelflow.operators.asset.AssetTestCatalog.plan;
import static io.reelflow.operators.asset.AssetTestCatalog.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.Scene;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests for {@link AssetRetriever} with the dense signal of a {@link SentenceEmbedder}. */
class AssetRetrieverDenseTest {

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = SentenceEmbedder.acquire();
    }

    @AfterAll
    static void release() {
        embedder.close();
    }

    /** Both name the dog: BM25 cannot tell them apart, and the tie goes to the first id. */
    private static final List<CatalogAsset> DOGS =
            List.of(
                    photo("a-sofa", "A dog on a sofa", "dog"),
                    photo(
                            "b-seaside",
                            "A dog playing in the waves at the seaside on a sunny summer day",
                            "dog"));

    /** A scene whose keyword is the dog alone and whose prompt tells where it is. */
    private static Scene dogInTheWaves() {
        return Fixtures.scene(
                0, 0, 4, "a dog playing in the waves at the beach, sunny day", List.of("dog"));
    }

    private static String best(AssetRetrieverConfig config, SentenceEmbedder withEmbedder) {
        AssetRetriever retriever = new AssetRetriever(AssetIndex.build(DOGS), config, withEmbedder);
        List<AssetMatch> ranked =
                retriever.rank(
                        dogInTheWaves(),
                        spec(LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT, 4, false),
                        "en",
                        5);
        return ranked.get(0).getAssetId();
    }

    @Test
    void shouldRerankBm25sCandidatesByThePromptsMeaning() {
        // prompt words out of BM25, so only the keyword and the dense signal count
        AssetRetrieverConfig config = AssetRetrieverConfig.defaults().withContextWeight(0);

        assertThat(best(config.withDenseWeight(0), embedder)).isEqualTo("a-sofa");
        assertThat(best(config, null)).isEqualTo("a-sofa");
        assertThat(best(config.withDenseWeight(0.5), embedder)).isEqualTo("b-seaside");
    }

    @Test
    void shouldExplainTheDenseSignalAndCarryTheDescription() {
        AssetRetriever retriever =
                new AssetRetriever(
                        AssetIndex.build(nature()),
                        AssetRetrieverConfig.defaults().withDenseWeight(0.15),
                        embedder);

        AssetMatch match =
                retriever
                        .retrieve(plan("en", false, "A wooden boat on a lake below the mountains."))
                        .scenes()
                        .get(0)
                        .orElseThrow();

        assertThat(match.getAssetId()).isEqualTo("lake");
        assertThat(match.getReasons().get(0)).startsWith("bm25 ");
        assertThat(match.getReasons().get(1)).matches("dense 0\\.\\d\\d: prompt vs description");
        assertThat(match.getDescription())
                .isEqualTo("Title of lake. A calm mountain lake at dawn with a wooden boat");
    }

    @Test
    void shouldLeaveBm25AloneWithoutAnEmbedder() {
        AssetRetriever retriever =
                new AssetRetriever(
                        AssetIndex.build(nature()),
                        AssetRetrieverConfig.defaults().withDenseWeight(0.15),
                        null);

        AssetMatch match =
                retriever
                        .retrieve(plan("en", false, "A wooden boat on a lake below the mountains."))
                        .scenes()
                        .get(0)
                        .orElseThrow();

        assertThat(match.getReasons()).noneMatch(reason -> reason.startsWith("dense"));
    }
}
