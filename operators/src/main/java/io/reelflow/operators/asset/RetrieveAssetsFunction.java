package io.reelflow.operators.asset;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.operators.embedding.SentenceEmbedder;
import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Flink shell around {@link AssetRetriever}: sets a plan's {@code sceneAssets} (one nullable match
 * per scene, no asset twice) and {@code music}. The index is shared by all tasks of the task
 * manager and refreshed in the background ({@link AssetIndexHolder}); an unreadable catalog leaves
 * it empty, so every scene goes to generation rather than the job failing. With a dense weight, the
 * JVM's shared {@link SentenceEmbedder} re-ranks the candidates.
 */
public class RetrieveAssetsFunction extends RichMapFunction<ScenePlan, ScenePlan> {
    private static final long serialVersionUID = 1L;

    private final AssetCatalogFactory catalogFactory;
    private final AssetRetrieverConfig config;

    private transient AssetIndexHolder holder;
    private transient SentenceEmbedder embedder;
    private transient AssetRetriever retriever;

    public RetrieveAssetsFunction(AssetCatalogFactory catalogFactory, AssetRetrieverConfig config) {
        this.catalogFactory = Objects.requireNonNull(catalogFactory, "catalogFactory");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        holder = AssetIndexHolder.acquire(catalogFactory, config.refreshInterval());
        // the embedder is shared by the task manager like the index; without a dense weight the
        // model is never loaded
        embedder = config.denseWeight() > 0 ? SentenceEmbedder.acquire() : null;
        retriever = new AssetRetriever(holder, config, embedder);
        ReelflowMetrics.group(getRuntimeContext())
                .gauge("catalogAssets", () -> holder.get().size());
    }

    @Override
    public ScenePlan map(ScenePlan plan) {
        PlanAssets assets = retriever.retrieve(plan);
        ScenePlan copy = ScenePlan.newBuilder(plan).build();
        copy.setSceneAssets(assets.sceneAssetsOrNull());
        copy.setSceneAlternatives(assets.alternatives());
        copy.setMusic(assets.music().orElse(null));
        return copy;
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
            embedder = null;
        }
        if (holder != null) {
            holder.release();
            holder = null;
        }
    }
}
