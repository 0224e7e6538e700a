package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates the {@link SpeechClient} for one endpoint inside a task. */
@FunctionalInterface
public interface SpeechClientFactory extends Serializable {
    SpeechClient create(ModelEndpoint endpoint);
}
