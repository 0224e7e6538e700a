package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates the {@link Translator} inside a task: shipped with the job graph. */
@FunctionalInterface
public interface TranslatorFactory extends Serializable {
    Translator create();
}
