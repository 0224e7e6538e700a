package io.reelflow.operators.port;

import java.io.IOException;
import java.util.List;

/** The stock media a request may use. Read once per task manager and refreshed by the caller. */
public interface AssetCatalog {

    /** All assets in the catalog. */
    List<CatalogAsset> loadAll() throws IOException;
}
