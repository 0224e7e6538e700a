package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates an {@link AssetCatalog} inside a task. */
@FunctionalInterface
public interface AssetCatalogFactory extends Serializable {
    AssetCatalog create();
}
