package io.reelflow.operators.asset;

import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.CatalogAsset;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink shell around {@link AssetRetriever}: loads the catalog when the task opens. An unreadable
 * catalog leaves the stage empty (every scene goes to generation) rather than stopping the job.
 */
public class RetrieveAssetFunction extends RichMapFunction<SceneTask, SceneTask> {
    private static final Logger LOG = LoggerFactory.getLogger(RetrieveAssetFunction.class);

    private final AssetCatalogFactory catalogFactory;
    private final AssetRetrieverConfig config;

    private transient AssetRetriever retriever;

    public RetrieveAssetFunction(AssetCatalogFactory catalogFactory, AssetRetrieverConfig config) {
        this.catalogFactory = catalogFactory;
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        List<CatalogAsset> assets;
        try {
            assets = catalogFactory.create().loadAll();
        } catch (Exception e) {
            LOG.error("Asset catalog unreadable; every scene will be generated", e);
            assets = List.of();
        }
        retriever = new AssetRetriever(assets, config);
        getRuntimeContext().getMetricGroup().gauge("catalogAssets", retriever::size);
    }

    @Override
    public SceneTask map(SceneTask task) {
        SceneTask copy = SceneTask.newBuilder(task).build();
        copy.setAsset(retriever.retrieve(task).orElse(null));
        return copy;
    }
}
