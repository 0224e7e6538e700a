package io.reelflow.benchmarks.render;

import io.reelflow.operators.port.ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ObjectStore} over a local directory, so the renderer runs in a benchmark without S3:
 * {@code put} copies the file under {@code <root>/<key>} and returns its {@code file:} URI, {@code
 * get} copies such a file out. Keys and URIs outside the root are refused.
 */
public final class DirectoryObjectStore implements ObjectStore {

    private final Path root;

    /** A store over {@code root}, created when missing. */
    public DirectoryObjectStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String put(String key, Path file, String contentType) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        return target.toUri().toString();
    }

    @Override
    public void get(String uri, Path target) throws IOException {
        Path source = fileOf(uri);
        if (!Files.isRegularFile(source)) {
            throw new IOException("no object at " + uri);
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    @Override
    public Optional<String> find(String key) {
        Path file = pathOf(key);
        return Files.isRegularFile(file) ? Optional.of(file.toUri().toString()) : Optional.empty();
    }

    @Override
    public String uriOf(String key) {
        return pathOf(key).toUri().toString();
    }

    /** The file behind {@code key}. */
    public Path pathOf(String key) {
        Objects.requireNonNull(key, "key");
        Path file = root.resolve(key).normalize();
        if (key.isBlank() || !file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("key must name a file inside the store: " + key);
        }
        return file;
    }

    /** The file behind a {@code file:} URI this store returned. */
    public Path fileOf(String uri) {
        URI parsed = URI.create(uri);
        if (!"file".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("not a file: URI: " + uri);
        }
        Path file = Path.of(parsed).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("URI outside the store " + root + ": " + uri);
        }
        return file;
    }

    @Override
    public void close() {}
}
