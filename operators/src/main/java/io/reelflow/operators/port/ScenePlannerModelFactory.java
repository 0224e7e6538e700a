package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates the {@link ScenePlannerModel} inside a task: shipped with the job graph. */
@FunctionalInterface
public interface ScenePlannerModelFactory extends Serializable {
    ScenePlannerModel create();
}
