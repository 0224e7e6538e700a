package io.reelflow.operators.asset;

import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.operators.scene.SceneAnalyzer;
import io.reelflow.operators.scene.SceneAnalyzerConfig;
import io.reelflow.schemas.AssetKind;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.Scene;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.Transition;
import java.util.ArrayList;
import java.util.List;

/** Named assets, scenes and plans for the asset retrieval tests. */
final class AssetTestCatalog {

    static final int LANDSCAPE_WIDTH = 1280;
    static final int LANDSCAPE_HEIGHT = 720;

    private AssetTestCatalog() {}

    static CatalogAsset photo(String id, String description, String... tags) {
        return asset(id, AssetKind.PHOTO, 0, 1920, 1080, description, tags);
    }

    static CatalogAsset asset(
            String id,
            AssetKind kind,
            double seconds,
            int width,
            int height,
            String description,
            String... tags) {
        return new CatalogAsset(
                id,
                "s3://bucket/assets/" + id,
                kind,
                seconds,
                width,
                height,
                "Title of " + id,
                description,
                List.of(tags),
                "en",
                "CC BY 4.0",
                "Author of " + id,
                "https://example.org/" + id,
                "sha-" + id);
    }

    static CatalogAsset music(String id, double seconds, String description, String... tags) {
        return asset(id, AssetKind.MUSIC, seconds, 0, 0, description, tags);
    }

    /** A small English catalog of unrelated subjects. */
    static List<CatalogAsset> nature() {
        return List.of(
                photo(
                        "lake",
                        "A calm mountain lake at dawn with a wooden boat",
                        "lake",
                        "mountains",
                        "boat",
                        "calm"),
                photo("forest", "A path through a dense pine forest", "forest", "path", "trees"),
                photo("beach", "Waves rolling onto a sandy beach", "beach", "sea", "waves"),
                photo("city", "Traffic on a busy city street at night", "city", "traffic"),
                photo("dog", "A brown dog running across a meadow", "dog", "meadow", "animal"),
                photo("flower", "A red flower in a garden, close-up", "flower", "garden", "red"));
    }

    static Scene scene(String text, String language, double seconds) {
        return new SceneAnalyzer(SceneAnalyzerConfig.defaults())
                .analyze(text, language, seconds)
                .get(0);
    }

    static RenderSpec spec(int width, int height, double seconds, boolean music) {
        return RenderSpec.newBuilder()
                .setWidth(width)
                .setHeight(height)
                .setFps(25)
                .setTargetDurationSeconds(seconds)
                .setSubtitles(true)
                .setStyle(null)
                .setTransition(Transition.CROSSFADE)
                .setTransitionSeconds(0.6)
                .setMusic(music)
                .build();
    }

    /** A landscape plan of the given one-sentence scenes, 4 s each. */
    static ScenePlan plan(String language, boolean music, String... sentences) {
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            Scene scene = scene(sentences[i], language, 4.0);
            scene.setIndex(i);
            scene.setStartSeconds(4.0 * i);
            scene.setEndSeconds(4.0 * (i + 1));
            scenes.add(scene);
        }
        return ScenePlan.newBuilder()
                .setRequestId("r-1")
                .setRunId("run")
                .setLanguage(language)
                .setLanguageConfidence(0.99)
                .setSpec(spec(LANDSCAPE_WIDTH, LANDSCAPE_HEIGHT, 4.0 * sentences.length, music))
                .setScenes(scenes)
                .setWarnings(List.of())
                .setSceneAssets(List.of())
                .setMusic(null)
                .build();
    }
}
