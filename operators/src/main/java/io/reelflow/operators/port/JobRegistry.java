package io.reelflow.operators.port;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Durable memory of the generation jobs submitted, keyed by {@link GenerationRequest#contentKey()}:
 * a retry, a restart from a checkpoint or a replay finds the job and resumes polling it instead of
 * submitting the same work again. Calls block: use them off the task thread.
 */
public interface JobRegistry extends AutoCloseable {

    /**
     * Claims {@code contentKey} for a submission by {@code owner}, unless a job is registered for
     * it or another owner's claim is younger than {@code staleAfter}.
     *
     * @return empty when the claim is {@code owner}'s (it may submit now), else the registered job
     *     or the other owner's claim
     */
    Optional<RegisteredJob> claim(String contentKey, String owner, Duration staleAfter)
            throws IOException;

    /** The job registered or claimed for {@code contentKey}, if any. */
    Optional<RegisteredJob> find(String contentKey) throws IOException;

    /** Records the server's job id for a claimed key; called before the job is first polled. */
    void submitted(String contentKey, String endpoint, String jobId) throws IOException;

    /**
     * Forgets the key's job once its result is stored, or when it failed or was lost, so that a
     * later request may submit again.
     */
    void release(String contentKey) throws IOException;

    @Override
    void close();
}
