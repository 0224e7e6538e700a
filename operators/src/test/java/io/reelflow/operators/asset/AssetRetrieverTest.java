package io.reelflow.operators.asset;

import static io.reelflow.operators.asset.AssetTestCatalog.LANDSCAPE_HEIGHT;
import static io.reelflow.operators.asset.AssetTestCatalog.LANDSCAPE_WIDTH;
import static io.reelflow.operators.asset.AssetTestCatalog.asset;
import static io.reelflow.operators.asset.AssetTestCatalog.music;
import static io.reelflow.operators.asset.AssetTestCatalog.nature;
import static io.reelflow.operators.asset.AssetTestCatalog.photo;
import static io.reelflow.operators.asset.AssetTestCatalog.plan;
import static io.reelflow.operators.asset.AssetTestCatalog.scene;
import static io.reelflow.operators.asset.AssetTestCatalog.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.CameraMove;
import io.reelflow.schemas.Credit;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link AssetRetriever}. */
class AssetRetrieverTest {

    private static final AssetRetrieverConfig DEFAULTS = AssetRetrieverConfig.defaults();

    private static List<String> rankedIds(AssetRetriever retriever, Scene scene, String language) {
        List<String> ids = new ArrayList<>();
        for (AssetMatch match :
                retriever.rank(
                        scene, spec(LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT, 4, false), language, 10)) {
            ids.add(match.getAssetId());
        }
        return ids;
    }

    private static AssetMatch only(PlanAssets assets) {
        assertThat(assets.scenes()).hasSize(1);
        return assets.scenes().get(0).orElseThrow();
    }

    @Test
    void shouldRankTheAssetSharingMostWordsFirst() {
        List<CatalogAsset> catalog = new ArrayList<>(nature());
        catalog.add(photo("lake-only", "A lake under grey clouds", "lake", "clouds"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);

        List<String> ranked =
                rankedIds(
                        retriever,
                        scene("A wooden boat on a lake below the mountains.", "en", 4),
                        "en");

        assertThat(ranked).startsWith("lake", "lake-only").doesNotContain("city", "dog");
    }

    @Test
    void shouldExplainTheMatchWithItsScoreAndWords() {
        AssetRetriever retriever = new AssetRetriever(nature(), DEFAULTS);

        AssetMatch match =
                only(
                        retriever.retrieve(
                                plan("en", false, "A wooden boat on a lake below the mountains.")));

        assertThat(match.getAssetId()).isEqualTo("lake");
        assertThat(match.getScore()).isBetween(DEFAULTS.minScore(), 1.0);
        assertThat(match.getReasons().get(0)).startsWith("bm25 ").contains("lake", "boat");
        assertThat(match.getReasons())
                .contains("photo, Ken Burns over 4.0 s", "landscape asset for landscape video");
        assertThat(match.getDurationSeconds()).isNull();
    }

    @Test
    void shouldGiveNoMatchToAnUnrelatedScene() {
        AssetRetriever retriever = new AssetRetriever(nature(), DEFAULTS);

        PlanAssets assets =
                retriever.retrieve(plan("en", false, "The robot repairs a satellite antenna."));

        assertThat(assets.scenes()).containsExactly(Optional.empty());
    }

    @Test
    void shouldGiveNoMatchBelowTheMinimumScore() {
        ScenePlan plan = plan("en", false, "A dog in a city park, then a beach.");
        AssetRetriever lenient = new AssetRetriever(nature(), DEFAULTS.withMinScore(0.05));
        AssetRetriever strict = new AssetRetriever(nature(), DEFAULTS.withMinScore(0.95));

        assertThat(lenient.retrieve(plan).scenes().get(0)).isPresent();
        assertThat(strict.retrieve(plan).scenes().get(0)).isEmpty();
    }

    @Test
    void shouldNotUseOneAssetTwiceInAPlan() {
        List<CatalogAsset> catalog = new ArrayList<>(nature());
        catalog.add(
                photo(
                        "lighthouse-best",
                        "A white lighthouse on a rocky coast",
                        "lighthouse",
                        "coast",
                        "rocks"));
        catalog.add(photo("lighthouse-other", "An old lighthouse", "lighthouse"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);
        ScenePlan plan =
                plan(
                        "en",
                        false,
                        "A lighthouse stands on the rocky coast.",
                        "Again the lighthouse on the coast.");

        PlanAssets assets = retriever.retrieve(plan);

        assertThat(assets.scenes()).allMatch(Optional::isPresent);
        List<String> ids =
                List.of(
                        assets.scenes().get(0).get().getAssetId(),
                        assets.scenes().get(1).get().getAssetId());
        assertThat(ids).containsExactlyInAnyOrder("lighthouse-best", "lighthouse-other");
        // scene by scene, both would have taken the same asset
        assertThat(rankedIds(retriever, plan.getScenes().get(0), "en").get(0))
                .isEqualTo(rankedIds(retriever, plan.getScenes().get(1), "en").get(0));
    }

    @Test
    void shouldPreferTheVideosOrientation() {
        List<CatalogAsset> catalog =
                List.of(
                        asset("tower-wide", AssetKind.PHOTO, 0, 1600, 900, "A tall tower", "tower"),
                        asset(
                                "tower-tall",
                                AssetKind.PHOTO,
                                0,
                                900,
                                1600,
                                "A tall tower",
                                "tower"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);
        Scene scene = scene("The tower rises above the square.", "en", 4);

        List<AssetMatch> landscape = retriever.rank(scene, spec(1280, 720, 4, false), "en", 5);
        List<AssetMatch> portrait = retriever.rank(scene, spec(720, 1280, 4, false), "en", 5);

        assertThat(landscape.get(0).getAssetId()).isEqualTo("tower-wide");
        assertThat(landscape.get(1).getReasons()).contains("portrait asset for landscape video");
        assertThat(portrait.get(0).getAssetId()).isEqualTo("tower-tall");
        assertThat(portrait.get(0).getReasons()).contains("portrait asset for portrait video");
    }

    @Test
    void shouldPreferAClipLongEnoughForTheScene() {
        List<CatalogAsset> catalog =
                List.of(
                        asset("train-short", AssetKind.CLIP, 1.5, 1920, 1080, "A train", "train"),
                        asset("train-long", AssetKind.CLIP, 12, 1920, 1080, "A train", "train"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);

        List<AssetMatch> ranked =
                retriever.rank(
                        scene("The train crosses the valley.", "en", 6),
                        spec(1280, 720, 6, false),
                        "en",
                        5);

        assertThat(ranked.get(0).getAssetId()).isEqualTo("train-long");
        assertThat(ranked.get(0).getReasons()).contains("clip covers 6.0 s scene");
        assertThat(ranked.get(0).getDurationSeconds()).isEqualTo(12.0);
        assertThat(ranked.get(1).getReasons()).contains("clip 1.5 s for 6.0 s scene");
        assertThat(ranked.get(1).getScore()).isLessThan(ranked.get(0).getScore());
    }

    @Test
    void shouldPreferAnAssetAnsweringTheCameraCue() {
        List<CatalogAsset> catalog =
                List.of(
                        photo("river-ground", "A river through the valley", "river", "valley"),
                        photo(
                                "river-drone",
                                "A river through the valley",
                                "river",
                                "valley",
                                "drone"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);
        Scene scene = scene("An aerial shot of the river in the valley.", "en", 4);

        List<AssetMatch> ranked = retriever.rank(scene, spec(1280, 720, 4, false), "en", 5);

        assertThat(scene.getCameraMoves()).contains(CameraMove.AERIAL);
        assertThat(ranked.get(0).getAssetId()).isEqualTo("river-drone");
        assertThat(ranked.get(0).getReasons()).contains("aerial cue: asset is drone");
    }

    @Test
    void shouldChooseTheMusicOfThePlansMood() {
        List<CatalogAsset> catalog = new ArrayList<>(nature());
        catalog.add(music("calm-piano", 180, "Calm piano for quiet moments", "calm", "piano"));
        catalog.add(music("storm-drums", 180, "Dramatic drums", "dramatic", "epic"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);

        PlanAssets calm =
                retriever.retrieve(plan("en", true, "A peaceful, quiet lake in the morning."));
        PlanAssets tense =
                retriever.retrieve(plan("en", true, "Danger! A storm and a chase in the city."));
        PlanAssets none =
                retriever.retrieve(plan("en", false, "A peaceful, quiet lake in the morning."));

        assertThat(calm.music().orElseThrow().getAssetId()).isEqualTo("calm-piano");
        assertThat(calm.music().get().getKind()).isEqualTo(AssetKind.MUSIC);
        assertThat(calm.music().get().getReasons()).contains("calm track for calm video");
        assertThat(tense.music().orElseThrow().getAssetId()).isEqualTo("storm-drums");
        assertThat(none.music()).isEmpty();
    }

    @Test
    void shouldNeverGiveMusicToAScene() {
        List<CatalogAsset> catalog =
                List.of(music("lake-song", 120, "Mountain lake ambient music", "lake", "mountain"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);

        PlanAssets assets = retriever.retrieve(plan("en", true, "A lake in the mountains."));

        assertThat(retriever.size()).isZero();
        assertThat(assets.scenes()).containsExactly(Optional.empty());
        assertThat(assets.music()).isPresent();
    }

    @Test
    void shouldCarryTheCreditOfEveryAssetUsed() {
        List<CatalogAsset> catalog = new ArrayList<>(nature());
        catalog.add(music("calm-piano", 180, "Calm piano", "calm"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);

        PlanAssets assets =
                retriever.retrieve(
                        plan(
                                "en",
                                true,
                                "A calm lake with a boat below the mountains.",
                                "A dog runs across the meadow."));

        Credit lake = assets.scenes().get(0).orElseThrow().getCredit();
        assertThat(lake.getAssetId()).isEqualTo("lake");
        assertThat(lake.getUri()).isEqualTo("s3://bucket/assets/lake");
        assertThat(lake.getTitle()).isEqualTo("Title of lake");
        assertThat(lake.getAuthor()).isEqualTo("Author of lake");
        assertThat(lake.getLicence()).isEqualTo("CC BY 4.0");
        assertThat(lake.getSourceUrl()).isEqualTo("https://example.org/lake");
        assertThat(assets.credits())
                .extracting(Credit::getAssetId)
                .containsExactly("lake", "dog", "calm-piano");
        assertThat(assets.sceneAssetsOrNull()).hasSize(2).doesNotContainNull();
    }

    @Test
    void shouldKeepNextBestAssetsThatNoSceneUsesAsAlternatives() {
        List<CatalogAsset> catalog = new ArrayList<>(nature());
        catalog.add(photo("lake-2", "Another mountain lake with a boat", "lake", "boat"));
        catalog.add(photo("lake-3", "A lake below mountains", "lake", "mountains"));
        AssetRetriever retriever = new AssetRetriever(catalog, DEFAULTS);

        PlanAssets assets =
                retriever.retrieve(
                        plan(
                                "en",
                                false,
                                "A calm lake with a boat below the mountains.",
                                "A dog runs across the meadow."));

        assertThat(assets.alternatives()).hasSize(2);
        List<String> used =
                assets.scenes().stream().map(match -> match.orElseThrow().getAssetId()).toList();
        assertThat(used).containsExactly("lake", "dog");
        for (List<AssetMatch> alternatives : assets.alternatives()) {
            assertThat(alternatives)
                    .hasSizeLessThanOrEqualTo(AssetRetriever.ALTERNATIVES)
                    .extracting(AssetMatch::getAssetId)
                    .doesNotContainAnyElementsOf(used)
                    .doesNotHaveDuplicates();
            assertThat(alternatives)
                    .extracting(AssetMatch::getScore)
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
        assertThat(assets.alternatives().get(0))
                .extracting(AssetMatch::getAssetId)
                .startsWith("lake-2", "lake-3");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de|Ein Hund rennt über die Wiese.|dog",
                "de|Wellen rollen auf den Strand.|beach",
                "fr|Un chien court dans la prairie.|dog",
                "fr|Une fleur rouge dans le jardin.|flower",
                "es|Un perro corre por el prado.|dog",
                "es|Un sendero atraviesa el bosque de pinos.|forest",
                "ru|Собака бежит по лугу.|dog",
                "ru|Волны накатывают на пляж.|beach"
            })
    void shouldFindTheEnglishAssetFromAnotherLanguageThroughTheGlossary(
            String language, String text, String expected) {
        AssetRetriever withGlossary = new AssetRetriever(nature(), DEFAULTS);
        AssetRetriever without = new AssetRetriever(nature(), DEFAULTS.withGlossary(false));

        AssetMatch match = only(withGlossary.retrieve(plan(language, false, text)));
        // the scene's English prompt is written through the same glossary: a second bridge
        AssetMatch byPromptOnly = only(without.retrieve(plan(language, false, text)));
        ScenePlan withoutPrompt = plan(language, false, text);
        withoutPrompt.getScenes().forEach(scene -> scene.setPrompt(""));

        assertThat(match.getAssetId()).isEqualTo(expected);
        assertThat(byPromptOnly.getAssetId()).isEqualTo(expected);
        assertThat(without.retrieve(withoutPrompt).scenes().get(0)).isEmpty();
    }

    @Test
    void shouldFindAssetsDescribedInTheScenesOwnLanguage() {
        CatalogAsset german =
                new CatalogAsset(
                        "hafen",
                        "s3://bucket/assets/hafen",
                        AssetKind.PHOTO,
                        0,
                        1920,
                        1080,
                        "Hafen",
                        "Fischerboote im alten Hafen",
                        List.of("Hafen", "Boote"),
                        "de",
                        "CC0",
                        "Autor",
                        null,
                        "sha");
        AssetRetriever retriever =
                new AssetRetriever(List.of(german), DEFAULTS.withGlossary(false));

        AssetMatch match =
                only(retriever.retrieve(plan("de", false, "Die Boote liegen im Hafen.")));

        assertThat(match.getAssetId()).isEqualTo("hafen");
    }

    @Test
    void shouldSendEveryScenetoGenerationWithAnEmptyCatalog() {
        AssetRetriever retriever = new AssetRetriever(List.of(), DEFAULTS);

        PlanAssets assets = retriever.retrieve(plan("en", true, "A lake.", "A forest."));

        assertThat(retriever.size()).isZero();
        assertThat(assets.scenes()).containsExactly(Optional.empty(), Optional.empty());
        assertThat(assets.music()).isEmpty();
        assertThat(assets.credits()).isEmpty();
    }
}
