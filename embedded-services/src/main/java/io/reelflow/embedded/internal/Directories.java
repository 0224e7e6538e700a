package io.reelflow.embedded.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Creates and removes the directories the servers keep their data in. */
public final class Directories {

    private Directories() {}

    /** Creates {@code directory} and its parents if missing, and returns it. */
    public static Path ensure(Path directory) throws IOException {
        return Files.createDirectories(directory);
    }

    /** Deletes {@code root} and everything below it; a missing directory is not an error. */
    public static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        deleteIfPresent(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                            throws IOException {
                        if (failure != null) {
                            throw failure;
                        }
                        deleteIfPresent(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static void deleteIfPresent(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
            // Removed concurrently (a server deleting its own files on shutdown): already gone.
        }
    }
}
