package io.reelflow.operators.generation.internal;

/**
 * Media stored for a content key.
 *
 * @param uri where it is
 * @param endpoint the endpoint that made it; null when it came from the cache
 * @param jobId the server's job id; null when it came from the cache
 */
public record Generated(String uri, String endpoint, String jobId) {

    public static Generated cached(String uri) {
        return new Generated(uri, null, null);
    }

    public boolean fromCache() {
        return jobId == null;
    }
}
