package io.reelflow.operators.port;

/** Where a generation job is, in the vocabulary every protocol maps onto. */
public enum JobState {
    QUEUED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    /** The server no longer knows the job (it restarted, or expired it): submit again. */
    LOST;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == LOST;
    }
}
