package io.reelflow.operators.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removal of a stage's scratch directory once its work is done. */
public final class ScratchDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDirectories.class);

    private ScratchDirectories() {}

    /**
     * Deletes {@code directory} and everything below it. Runs in {@code finally} blocks, so a file
     * that cannot be deleted is logged, never thrown: it must not hide the stage's own outcome.
     */
    public static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.deleteIfExists(path);
                                } catch (IOException e) {
                                    LOG.warn("Could not delete {}", path, e);
                                }
                            });
        } catch (IOException e) {
            LOG.warn("Could not clean up {}", directory, e);
        }
    }
}
