package io.reelflow.benchmarks.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark keeps the data of its servers: the folder {@code --work} names, kept for a look
 * afterwards, or a temporary one that closing deletes.
 *
 * <pre>{@code
 * try (WorkDirectory work = WorkDirectory.of(options.get("work", null), "burst-")) { ... }
 * }</pre>
 */
public final class WorkDirectory implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private WorkDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /**
     * {@code named} (created when missing), or a new temporary directory whose name starts with
     * {@code temporaryPrefix} when {@code named} is null.
     */
    public static WorkDirectory of(String named, String temporaryPrefix) throws IOException {
        return named == null
                ? new WorkDirectory(Files.createTempDirectory(temporaryPrefix), true)
                : new WorkDirectory(Files.createDirectories(Path.of(named)), false);
    }

    public Path path() {
        return path;
    }

    /** Whether closing deletes the directory. */
    public boolean temporary() {
        return temporary;
    }

    /** Deletes a temporary directory with everything in it; a named one stays. */
    @Override
    public void close() throws IOException {
        if (temporary) {
            LocalResources.deleteRecursively(path);
        }
    }
}
