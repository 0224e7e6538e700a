package io.reelflow.connectors.catalog;

import java.io.IOException;
import java.util.List;

/**
 * Lists the objects under a URI prefix, for imports from object storage. Kept apart from the
 * operators' {@code ObjectStore} port, which the pipeline never needs to list.
 */
@FunctionalInterface
public interface ObjectLister {

    /** The URIs of every object under {@code uriPrefix} (e.g. {@code s3://bucket/stock/}). */
    List<String> list(String uriPrefix) throws IOException;
}
