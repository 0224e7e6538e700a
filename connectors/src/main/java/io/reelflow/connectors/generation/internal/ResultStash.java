package io.reelflow.connectors.generation.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where results of synchronous protocols wait between submit and download: an image answered in
 * base64, or fetched at once from a URL that expires. The id is the job id the port sees, so a task
 * restarted on the same machine finds its result; elsewhere the job reads as lost.
 */
public final class ResultStash {

    private static final Pattern ID = Pattern.compile("img-[0-9a-f-]{36}");

    private final Path directory;

    public ResultStash(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** The default place: one directory per endpoint under {@code java.io.tmpdir}. */
    public static Path defaultDirectory(String endpointName) {
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                "reelflow-generation-stash",
                endpointName.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** A new id and the file its result is to be written to. */
    public Entry reserve() {
        String id = "img-" + UUID.randomUUID();
        return new Entry(id, directory.resolve(id));
    }

    /** The stashed file of {@code id}, if it is still there. */
    public Optional<Path> find(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(id);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Moves the stashed result to {@code target}; the stash no longer holds it. */
    public void moveTo(Path stashed, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.move(
                    stashed,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Another file system: copy beside the target, then move it into place.
            Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".part");
            try {
                Files.copy(stashed, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                Files.delete(stashed);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    public void delete(String id) throws IOException {
        Optional<Path> file = find(id);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    /** A reserved stash slot. */
    public record Entry(String id, Path file) {}
}
