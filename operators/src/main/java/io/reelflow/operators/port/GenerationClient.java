package io.reelflow.operators.port;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * One model server, spoken to in its own protocol (OpenAI-compatible video jobs, images, ComfyUI
 * …): one adapter per protocol lives in {@code connectors}. Generation takes minutes, so the port
 * is a job: submit once, poll, download the result, cancel what is no longer wanted. Calls do not
 * block: futures complete on the client's own I/O threads and fail with {@link
 * GenerationException}.
 */
public interface GenerationClient extends AutoCloseable {

    /**
     * Submits the work and returns the server's job. Synchronous protocols (images) answer with a
     * job that is already {@link JobState#COMPLETED}.
     */
    CompletableFuture<GenerationJob> submit(GenerationRequest request);

    /** The job's current state; {@link JobState#LOST} when the server no longer knows it. */
    CompletableFuture<GenerationJob> poll(String jobId);

    /** Writes the result of a {@link JobState#COMPLETED} job to {@code target}. */
    CompletableFuture<DownloadedMedia> download(GenerationJob job, Path target);

    /**
     * Stops or removes a job that is no longer wanted, as far as the protocol allows; completes
     * normally when there was nothing to cancel.
     */
    CompletableFuture<Void> cancel(String jobId);

    /** Completes normally when the server is ready for work. */
    CompletableFuture<Void> health();

    @Override
    void close();
}
