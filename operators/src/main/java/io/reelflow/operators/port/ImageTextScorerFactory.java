package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates the {@link ImageTextScorer} inside a task: shipped with the job graph. */
@FunctionalInterface
public interface ImageTextScorerFactory extends Serializable {
    ImageTextScorer create();
}
