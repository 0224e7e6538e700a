package io.reelflow.operators.port;

import java.time.Instant;

/**
 * A job submitted for a content key: where, under which id, and when. A claim not yet submitted has
 * no endpoint and no job id.
 */
public record RegisteredJob(
        String contentKey, String endpoint, String jobId, String owner, Instant updatedAt) {

    public boolean submitted() {
        return jobId != null;
    }
}
