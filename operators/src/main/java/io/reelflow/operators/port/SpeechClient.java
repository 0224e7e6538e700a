package io.reelflow.operators.port;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A text-to-speech server: one text in, its audio out, streamed to a file. Synthesis takes seconds,
 * so unlike {@link GenerationClient} there is no job to poll. Calls do not block: futures complete
 * on the client's own I/O threads and fail with {@link GenerationException} (whose cause says
 * whether asking again may help, and {@code Retry-After} when the server said).
 */
public interface SpeechClient extends AutoCloseable {

    /**
     * Synthesises {@code request} into {@code target} (created or replaced only when the whole
     * answer arrived within the size limit).
     */
    CompletableFuture<SynthesizedSpeech> synthesize(SpeechRequest request, Path target);

    @Override
    void close();
}
