package io.reelflow.operators.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where media bytes live. Operators hand files to the store and pass the returned URIs along, so
 * Flink records and state never carry media. Calls block: use them off the task thread.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Uploads {@code file} under {@code key} (overwriting) and returns its URI, e.g. {@code
     * s3://bucket/key}.
     */
    String put(String key, Path file, String contentType) throws IOException;

    /** Downloads the object at {@code uri} (as returned by {@link #put}) into {@code target}. */
    void get(String uri, Path target) throws IOException;

    /**
     * Deletes the object under {@code key}; nothing happens when there is none. Used to take back
     * what a cancelled or failed attempt uploaded, so no object outlives its request's failure.
     */
    void delete(String key) throws IOException;

    /** The URI of the object under {@code key}, if it exists. */
    Optional<String> find(String key) throws IOException;

    /** The URI an object under {@code key} has (whether or not it exists yet). */
    String uriOf(String key);

    @Override
    void close();
}
