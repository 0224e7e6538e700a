package io.reelflow.operators.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.testing.Fixtures;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests for {@link AssetRetriever}. */
class AssetRetrieverTest {

    private static CatalogAsset asset(
            String id,
            AssetKind kind,
            double seconds,
            int width,
            int height,
            String description,
            String... tags) {
        return new CatalogAsset(
                id,
                "s3://b/assets/" + id,
                kind,
                seconds,
                width,
                height,
                id,
                description,
                List.of(tags),
                "en",
                "CC0",
                "Tester",
                null,
                "sha-" + id);
    }

    private static SceneTask sceneAbout(String prompt, List<String> keywords) {
        ScenePlan plan = Fixtures.plan("r", 1);
        SceneTask task = Fixtures.task(plan, 0);
        task.setScene(Fixtures.scene(0, 0, 4, prompt, keywords));
        return task;
    }

    private static final List<CatalogAsset> CATALOG =
            List.of(
                    asset(
                            "lake",
                            AssetKind.PHOTO,
                            0,
                            1920,
                            1080,
                            "A calm mountain lake at dawn",
                            "lake",
                            "mountain"),
                    asset(
                            "city",
                            AssetKind.CLIP,
                            10,
                            1920,
                            1080,
                            "Traffic in a city at night",
                            "city",
                            "traffic"),
                    asset(
                            "city-short",
                            AssetKind.CLIP,
                            1,
                            1920,
                            1080,
                            "Traffic in a city",
                            "city",
                            "traffic"),
                    asset(
                            "song",
                            AssetKind.MUSIC,
                            120,
                            0,
                            0,
                            "Mountain lake ambient music",
                            "lake",
                            "mountain"));

    @Test
    void shouldFindAssetSharingTheScenesWords() {
        AssetRetriever retriever = new AssetRetriever(CATALOG, AssetRetrieverConfig.defaults());

        Optional<AssetMatch> match =
                retriever.retrieve(
                        sceneAbout(
                                "wide shot of mountains above a lake",
                                List.of("lakes", "mountains")));

        assertThat(match).isPresent();
        assertThat(match.get().getAssetId()).isEqualTo("lake");
        assertThat(match.get().getReasons()).contains("tag: lake", "tag: mountain");
        assertThat(match.get().getCredit().getAuthor()).isEqualTo("Tester");
        assertThat(match.get().getDurationSeconds()).isNull();
    }

    @Test
    void shouldPreferAClipLongEnoughForTheScene() {
        AssetRetriever retriever = new AssetRetriever(CATALOG, AssetRetrieverConfig.defaults());

        AssetMatch match =
                retriever
                        .retrieve(sceneAbout("city traffic", List.of("city", "traffic")))
                        .orElseThrow();

        assertThat(match.getAssetId()).isEqualTo("city");
        assertThat(match.getReasons()).contains("clip covers the scene");
    }

    @Test
    void shouldReturnNothingBelowTheMinimumScore() {
        AssetRetriever retriever = new AssetRetriever(CATALOG, new AssetRetrieverConfig(0.9, 0.0));

        assertThat(
                        retriever.retrieve(
                                sceneAbout(
                                        "a lake and a desert and a robot",
                                        List.of("desert", "robot", "lake", "sand"))))
                .isEmpty();
    }

    @Test
    void shouldNeverReturnMusicOrMatchUnrelatedScenes() {
        AssetRetriever retriever = new AssetRetriever(CATALOG, AssetRetrieverConfig.defaults());

        assertThat(retriever.size()).isEqualTo(3);
        assertThat(retriever.retrieve(sceneAbout("a robot dancing", List.of("robot", "dance"))))
                .isEmpty();
    }

    @Test
    void shouldFoldPluralsAndCase() {
        assertThat(AssetRetriever.terms("Mountains, LAKES and glass"))
                .containsExactly("mountain", "lake", "and", "glass");
    }
}
