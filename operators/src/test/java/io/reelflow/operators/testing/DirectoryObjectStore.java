package io.reelflow.operators.testing;

import io.reelflow.operators.port.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * An {@link ObjectStore} over a local directory, for operator tests that need somewhere to put
 * media without an S3 server. URIs are {@code file:} URIs of the stored files.
 */
public final class DirectoryObjectStore implements ObjectStore {
    private final Path root;

    public DirectoryObjectStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String put(String key, Path file, String contentType) throws IOException {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return uriOf(key);
    }

    @Override
    public void get(String uri, Path target) throws IOException {
        Files.copy(Path.of(java.net.URI.create(uri)), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(root.resolve(key));
    }

    @Override
    public Optional<String> find(String key) {
        return Files.exists(root.resolve(key)) ? Optional.of(uriOf(key)) : Optional.empty();
    }

    @Override
    public String uriOf(String key) {
        return root.resolve(key).toUri().toString();
    }

    /** The local file behind {@code key}, for assertions. */
    public Path pathOf(String key) {
        return root.resolve(key);
    }

    @Override
    public void close() {}
}
