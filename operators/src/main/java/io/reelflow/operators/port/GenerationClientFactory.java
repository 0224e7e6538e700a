package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates the {@link GenerationClient} for one endpoint inside a task. */
@FunctionalInterface
public interface GenerationClientFactory extends Serializable {
    GenerationClient create(ModelEndpoint endpoint);
}
