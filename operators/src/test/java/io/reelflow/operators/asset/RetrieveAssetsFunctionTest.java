package io.reelflow.operators.asset;

import static io.reelflow.operators.asset.AssetTestCatalog.music;
import static io.reelflow.operators.asset.AssetTestCatalog.nature;
import static io.reelflow.operators.asset.AssetTestCatalog.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.AssetCatalog;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.AssetMatch;
import io.reelflow.schemas.ScenePlan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Tests for {@link RetrieveAssetsFunction}. */
class RetrieveAssetsFunctionTest {

    private static List<ScenePlan> run(AssetCatalogFactory factory, ScenePlan plan)
            throws Exception {
        try (OneInputStreamOperatorTestHarness<ScenePlan, ScenePlan> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new StreamMap<>(
                                new RetrieveAssetsFunction(
                                        factory, AssetRetrieverConfig.defaults())))) {
            harness.open();
            harness.processElement(plan, 0L);
            return new ArrayList<>(harness.extractOutputValues());
        }
    }

    @Test
    void shouldSetTheScenesAssetsAndTheMusicOfThePlan() throws Exception {
        ScenePlan plan =
                plan(
                        "en",
                        true,
                        "A calm lake with a boat below the mountains.",
                        "The robot repairs a satellite antenna.");

        List<ScenePlan> out = run(new WorkingCatalogFactory(), plan);

        assertThat(out).hasSize(1);
        List<AssetMatch> assets = out.get(0).getSceneAssets();
        assertThat(assets).hasSize(2);
        assertThat(assets.get(0).getAssetId()).isEqualTo("lake");
        assertThat(assets.get(1)).isNull();
        assertThat(out.get(0).getMusic().getAssetId()).isEqualTo("calm-piano");
        assertThat(out.get(0).getScenes()).isEqualTo(plan.getScenes());
        assertThat(plan.getSceneAssets()).isEmpty();
    }

    @Test
    void shouldSendEverySceneToGenerationWhenTheCatalogIsUnreadable() throws Exception {
        ScenePlan plan = plan("en", true, "A calm lake with a boat below the mountains.");

        List<ScenePlan> out = run(new BrokenCatalogFactory(), plan);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).getSceneAssets()).containsExactly((AssetMatch) null);
        assertThat(out.get(0).getMusic()).isNull();
    }

    private static final class WorkingCatalogFactory implements AssetCatalogFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public AssetCatalog create() {
            return () -> {
                List<CatalogAsset> assets = new ArrayList<>(nature());
                assets.add(music("calm-piano", 180, "Calm piano", "calm", "piano"));
                return assets;
            };
        }
    }

    private static final class BrokenCatalogFactory implements AssetCatalogFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public AssetCatalog create() {
            return () -> {
                throw new IOException("no catalog");
            };
        }
    }
}
