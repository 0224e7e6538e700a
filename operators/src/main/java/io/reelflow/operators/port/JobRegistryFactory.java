package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates a {@link JobRegistry} inside a task. */
@FunctionalInterface
public interface JobRegistryFactory extends Serializable {
    JobRegistry create();
}
