package io.reelflow.operators.asset;

import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.codec.AvroClassTrust;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Per-scene retrieval, kept until the pipeline retrieves per plan with {@link
 * RetrieveAssetsFunction} (which also keeps one asset from appearing twice in a video). Shares the
 * refreshing index of {@link AssetIndexHolder}; an unreadable catalog leaves it empty.
 */
public class RetrieveAssetFunction extends RichMapFunction<SceneTask, SceneTask> {
    private static final long serialVersionUID = 1L;

    private final AssetCatalogFactory catalogFactory;
    private final AssetRetrieverConfig config;

    private transient AssetIndexHolder holder;
    private transient AssetRetriever retriever;

    public RetrieveAssetFunction(AssetCatalogFactory catalogFactory, AssetRetrieverConfig config) {
        this.catalogFactory = catalogFactory;
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        holder = AssetIndexHolder.acquire(catalogFactory, config.refreshInterval());
        retriever = new AssetRetriever(holder, config);
        getRuntimeContext().getMetricGroup().gauge("catalogAssets", retriever::size);
    }

    @Override
    public SceneTask map(SceneTask task) {
        SceneTask copy = SceneTask.newBuilder(task).build();
        copy.setAsset(retriever.retrieve(task).orElse(null));
        return copy;
    }

    @Override
    public void close() {
        if (holder != null) {
            holder.release();
            holder = null;
        }
    }
}
