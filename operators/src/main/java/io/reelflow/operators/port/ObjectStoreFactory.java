package io.reelflow.operators.port;

import java.io.Serializable;

/**
 * Creates an {@link ObjectStore} inside a task: shipped with the job graph, so it must be
 * serializable.
 */
@FunctionalInterface
public interface ObjectStoreFactory extends Serializable {
    ObjectStore create();
}
