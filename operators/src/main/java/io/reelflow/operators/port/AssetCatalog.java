package io.reelflow.operators.port;

import java.io.IOException;
import java.util.List;

/** The stock media a request may use. Read once per task manager and refreshed by the caller. */
public interface AssetCatalog {

    /** All assets in the catalog. */
    List<CatalogAsset> loadAll() throws IOException;

    /**
     * A cheap token that changes whenever the catalog's content changes (for a table: row count and
     * latest update), so a holder reloads only when needed. {@code null} means "unknown": the
     * holder must reload and compare the content itself.
     */
    default String version() throws IOException {
        return null;
    }
}
