package io.reelflow.operators.asset;

import static io.reelflow.operators.asset.AssetTestCatalog.music;
import static io.reelflow.operators.asset.AssetTestCatalog.nature;
import static io.reelflow.operators.asset.AssetTestCatalog.scene;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.asset.internal.SceneQuery;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.scene.Glossary;
import io.reelflow.schemas.AssetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link AssetIndex}: its postings-table search against Lucene's own. */
class AssetIndexTest {

    private static final String[][] WORDS = {
        {
            "mountain",
            "lake",
            "forest",
            "river",
            "beach",
            "sea",
            "waves",
            "city",
            "street",
            "night",
            "sunset",
            "dog",
            "cat",
            "bird",
            "flower",
            "garden",
            "snow",
            "winter",
            "boat",
            "bridge",
            "children",
            "playing",
            "market",
            "rain",
            "clouds",
            "sky",
            "tree",
            "meadow",
            "horse",
            "car",
            "train",
            "road",
            "desert",
            "sand",
            "rock",
            "waterfall",
            "calm",
            "old"
        },
        {
            "Berg",
            "See",
            "Wald",
            "Fluss",
            "Strand",
            "Meer",
            "Wellen",
            "Stadt",
            "Straße",
            "Nacht",
            "Sonnenuntergang",
            "Hund",
            "Katze",
            "Vogel",
            "Blume",
            "Garten",
            "Schnee",
            "Winter",
            "Boot",
            "Brücke",
            "Kinder",
            "Markt",
            "Regen",
            "Wolken",
            "Himmel",
            "Baum",
            "Wiese"
        },
        {
            "montagne",
            "lac",
            "forêt",
            "rivière",
            "plage",
            "mer",
            "vagues",
            "ville",
            "rue",
            "nuit",
            "coucher de soleil",
            "chien",
            "chat",
            "oiseau",
            "fleur",
            "jardin",
            "neige",
            "hiver",
            "bateau",
            "pont",
            "enfants",
            "marché",
            "pluie",
            "nuages",
            "ciel",
            "arbre",
            "prairie"
        }
    };
    private static final String[] LANGUAGES = {"en", "de", "fr"};

    private static AssetIndex index;
    private static List<List<SceneQuery.Slot>> queries;

    @BeforeAll
    static void buildRandomCatalogAndScenes() {
        Random random = new Random(7);
        List<CatalogAsset> catalog = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int language = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
            List<String> tags = new ArrayList<>();
            for (int t = 0, n = 2 + random.nextInt(5); t < n; t++) {
                tags.add(word(language, random));
            }
            catalog.add(
                    new CatalogAsset(
                            "a" + i,
                            "s3://bucket/assets/a" + i,
                            random.nextBoolean() ? AssetKind.PHOTO : AssetKind.CLIP,
                            2 + random.nextInt(20),
                            1920,
                            1080,
                            word(language, random) + " " + word(language, random),
                            sentence(language, random, 3 + random.nextInt(8)),
                            tags,
                            LANGUAGES[language],
                            "CC BY 4.0",
                            "author",
                            "https://example.org/a" + i,
                            null));
        }
        catalog.add(music("music", 120, "A calm piano piece", "calm", "piano"));
        index = AssetIndex.build(catalog);
        queries = new ArrayList<>();
        for (int q = 0; q < 150; q++) {
            int language = random.nextInt(3);
            String text = sentence(language, random, 4 + random.nextInt(8)) + ".";
            // with and without the glossary: non-English words without it are slots of two
            // clauses (tags and text), with it of three (and concepts)
            Glossary glossary = q % 3 == 0 ? null : Glossary.standard();
            queries.add(
                    SceneQuery.slots(
                            scene(text, LANGUAGES[language], 5.0),
                            LANGUAGES[language],
                            glossary,
                            0.5,
                            0.7));
        }
    }

    private static String word(int language, Random random) {
        String[] words = WORDS[language];
        // skewed, so some words are in many assets, as in a real catalog
        return words[(int) (words.length * Math.pow(random.nextDouble(), 2))];
    }

    private static String sentence(int language, Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : " ").append(word(language, random));
        }
        return text.toString();
    }

    @ParameterizedTest(name = "top {0}")
    @CsvSource({"1", "20", "25", "500", "5000"})
    void shouldRankExactlyAsLuceneDoes(int limit) {
        int compared = 0;
        for (List<SceneQuery.Slot> slots : queries) {
            List<AssetIndex.Hit> lucene = index.searchWithLucene(slots, limit);

            List<AssetIndex.Hit> table = index.search(slots, limit);

            assertThat(table).as("slots %s", slots).isEqualTo(lucene);
            compared += lucene.size();
        }
        // the comparison means something only if the queries find assets
        assertThat(compared).isGreaterThan(queries.size() * Math.min(limit, 20) / 2);
    }

    @Test
    void shouldFindOnlyPhotosAndClips() {
        List<SceneQuery.Slot> calm =
                SceneQuery.slots(scene("calm piano", "en", 4), "en", null, 0.5, 0.7);

        assertThat(index.search(calm, 5000))
                .extracting(hit -> index.asset(hit.ordinal()).kind())
                .isNotEmpty()
                .doesNotContain(AssetKind.MUSIC);
    }

    @Test
    void shouldExplainMatchesByTheSlotsTheAssetHas() {
        AssetIndex small = AssetIndex.build(nature());
        List<SceneQuery.Slot> slots =
                SceneQuery.slots(
                        scene("A wooden boat on a lake below the mountains.", "en", 4),
                        "en",
                        Glossary.standard(),
                        0.5,
                        0.7);

        AssetIndex.Hit best = small.search(slots, 1).get(0);

        assertThat(small.asset(best.ordinal()).id()).isEqualTo("lake");
        assertThat(small.matchedLabels(best.doc(), slots)).contains("lake", "boat");
    }

    @Test
    void shouldSearchNothingInACatalogOfMusicAlone() {
        AssetIndex onlyMusic = AssetIndex.build(List.of(music("m", 60, "A calm piece", "calm")));
        List<SceneQuery.Slot> slots =
                SceneQuery.slots(scene("A calm lake.", "en", 4), "en", null, 0.5, 0.7);

        assertThat(onlyMusic.search(slots, 20)).isEmpty();
        assertThat(onlyMusic.idealScore(slots)).isZero();
    }
}
