package io.reelflow.job;

import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.ObjectStoreFactory;
import java.util.Objects;

/**
 * The adapters the pipeline's stages use: object storage, the model servers and the registry of
 * their jobs, the catalog.
 */
public record PipelinePorts(
        ObjectStoreFactory objectStore,
        GenerationClientFactory generationClient,
        JobRegistryFactory jobRegistry,
        AssetCatalogFactory assetCatalog) {

    public PipelinePorts {
        Objects.requireNonNull(objectStore, "objectStore");
        Objects.requireNonNull(generationClient, "generationClient");
        Objects.requireNonNull(jobRegistry, "jobRegistry");
        Objects.requireNonNull(assetCatalog, "assetCatalog");
    }
}
