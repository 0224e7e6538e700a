package io.reelflow.job;

import io.reelflow.operators.port.AssetCatalogFactory;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.JobRegistryFactory;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.port.ScenePlannerModelFactory;
import io.reelflow.operators.port.SpeechClientFactory;
import io.reelflow.operators.port.TranslatorFactory;
import java.util.Objects;

/**
 * The adapters the pipeline's stages use: object storage, the model servers and the registry of
 * their jobs, the catalog, the speech servers, and the optional language models of the plan stage.
 *
 * @param scenePlanner the model scene planner, or null for rule-based scenes only
 * @param translator the prompts' translation model, or null for the concept glossary
 */
public record PipelinePorts(
        ObjectStoreFactory objectStore,
        GenerationClientFactory generationClient,
        JobRegistryFactory jobRegistry,
        AssetCatalogFactory assetCatalog,
        SpeechClientFactory speechClient,
        ScenePlannerModelFactory scenePlanner,
        TranslatorFactory translator) {

    public PipelinePorts {
        Objects.requireNonNull(objectStore, "objectStore");
        Objects.requireNonNull(generationClient, "generationClient");
        Objects.requireNonNull(jobRegistry, "jobRegistry");
        Objects.requireNonNull(assetCatalog, "assetCatalog");
        Objects.requireNonNull(speechClient, "speechClient");
    }

    /** Without language models: rule-based scenes, glossary prompts. */
    public PipelinePorts(
            ObjectStoreFactory objectStore,
            GenerationClientFactory generationClient,
            JobRegistryFactory jobRegistry,
            AssetCatalogFactory assetCatalog,
            SpeechClientFactory speechClient) {
        this(objectStore, generationClient, jobRegistry, assetCatalog, speechClient, null, null);
    }
}
