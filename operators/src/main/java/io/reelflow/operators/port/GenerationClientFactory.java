package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates a {@link GenerationClient} inside a task. */
@FunctionalInterface
public interface GenerationClientFactory extends Serializable {
    GenerationClient create();
}
