package io.reelflow.operators.port;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Speaks to one inference sidecar protocol. One implementation per protocol lives in {@code
 * connectors}; the generation stage only knows this interface. Calls block: use them off the task
 * thread.
 */
public interface GenerationClient extends AutoCloseable {

    /**
     * Asks the sidecar for a clip and writes the MP4 it returns to {@code target}.
     *
     * @throws GenerationException when the sidecar refuses or fails; {@link
     *     GenerationException#retryable()} says whether asking again may help
     */
    GeneratedClip generate(GenerationRequest request, Path target)
            throws IOException, GenerationException;

    @Override
    void close();
}
