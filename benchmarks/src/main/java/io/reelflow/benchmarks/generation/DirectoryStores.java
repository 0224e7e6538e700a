package io.reelflow.benchmarks.generation;

import io.reelflow.benchmarks.render.DirectoryObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** {@link ObjectStoreFactory}s of {@link DirectoryObjectStore}s, serializable for Flink jobs. */
final class DirectoryStores {

    private DirectoryStores() {}

    /** Stores over {@code root} (created when missing). */
    static ObjectStoreFactory factory(Path root) {
        String directory = root.toAbsolutePath().toString();
        return () -> {
            try {
                return new DirectoryObjectStore(Path.of(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
