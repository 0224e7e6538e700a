package io.reelflow.embedded.internal;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Removes what a failed PostgreSQL start left in zonky's working directory. zonky unpacks the
 * binaries into {@code PG-<digest>} under {@code embedded-pg} in {@code java.io.tmpdir}, holds
 * {@value #LOCK_FILE} there while unpacking and writes {@value #DONE_MARKER} when done; an
 * unfinished folder would be reused by the next start, which skips the files it already holds.
 */
public final class PostgresExtraction {

    static final String DONE_MARKER = ".exists";
    static final String LOCK_FILE = "epg-lock";
    private static final String FOLDER_PREFIX = "PG-";

    private final Path workingDirectory;
    private final boolean workingDirectoryExisted;
    // Null when the folder could not be listed: then nothing is known to be ours.
    private final Set<Path> foldersBefore;

    private PostgresExtraction(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.workingDirectoryExisted = Files.isDirectory(workingDirectory);
        Set<Path> folders;
        try {
            folders = Set.copyOf(extractionFolders());
        } catch (IOException e) {
            folders = null;
        }
        this.foldersBefore = folders;
    }

    /** Notes the state of zonky's working directory before a start. */
    public static PostgresExtraction before() {
        return before(zonkyWorkingDirectory());
    }

    static PostgresExtraction before(Path workingDirectory) {
        return new PostgresExtraction(workingDirectory);
    }

    /**
     * After a failed start: deletes the extraction folders that appeared since {@link #before()}
     * and were not finished (no marker, nobody unpacking), then the working directory if it
     * appeared too and is now empty.
     */
    public void removeUnfinished() throws IOException {
        if (foldersBefore == null) {
            return;
        }
        for (Path folder : extractionFolders()) {
            if (!foldersBefore.contains(folder)
                    && !Files.exists(folder.resolve(DONE_MARKER))
                    && !Files.exists(folder.resolve(LOCK_FILE))) {
                Directories.deleteRecursively(folder);
            }
        }
        if (!workingDirectoryExisted) {
            try {
                Files.deleteIfExists(workingDirectory);
            } catch (DirectoryNotEmptyException e) {
                // Another server's binaries or data: not ours to remove.
            }
        }
    }

    /** The folder zonky unpacks into: {@code ot.epg.working-dir}, else {@code embedded-pg}. */
    static Path zonkyWorkingDirectory() {
        Path inTemp = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return Path.of(System.getProperty("ot.epg.working-dir", inTemp.toString()));
    }

    private List<Path> extractionFolders() throws IOException {
        try (Stream<Path> children = Files.list(workingDirectory)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .collect(Collectors.toList());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
