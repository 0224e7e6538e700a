package io.reelflow.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link PostgresExtraction}. */
class PostgresExtractionTest {

    private static final String FOLDER = "PG-148ac568d29aace9eca359dd1153cd22";

    @TempDir Path temp;

    @Test
    void shouldRemoveAnUnfinishedExtractionAndTheWorkingDirectoryItCreated() throws IOException {
        Path workingDirectory = temp.resolve("embedded-pg");
        PostgresExtraction extraction = PostgresExtraction.before(workingDirectory);
        Path partial = workingDirectory.resolve(FOLDER).resolve("bin/postgres");
        Files.createDirectories(partial.getParent());
        Files.write(partial, new byte[] {1, 2, 3});

        extraction.removeUnfinished();

        assertThat(workingDirectory).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void shouldRemoveAnEmptyExtractionFolder() throws IOException {
        Path workingDirectory = temp.resolve("embedded-pg");
        PostgresExtraction extraction = PostgresExtraction.before(workingDirectory);
        Files.createDirectories(workingDirectory.resolve(FOLDER));

        extraction.removeUnfinished();

        assertThat(workingDirectory).doesNotExist();
    }

    @Test
    void shouldKeepAFinishedExtraction() throws IOException {
        Path workingDirectory = temp.resolve("embedded-pg");
        PostgresExtraction extraction = PostgresExtraction.before(workingDirectory);
        Path folder = Files.createDirectories(workingDirectory.resolve(FOLDER));
        Files.createFile(folder.resolve(PostgresExtraction.DONE_MARKER));

        extraction.removeUnfinished();

        assertThat(folder.resolve(PostgresExtraction.DONE_MARKER)).exists();
    }

    @Test
    void shouldKeepAnExtractionAnotherProcessIsUnpacking() throws IOException {
        Path workingDirectory = temp.resolve("embedded-pg");
        PostgresExtraction extraction = PostgresExtraction.before(workingDirectory);
        Path folder = Files.createDirectories(workingDirectory.resolve(FOLDER));
        Files.createFile(folder.resolve(PostgresExtraction.LOCK_FILE));

        extraction.removeUnfinished();

        assertThat(folder.resolve(PostgresExtraction.LOCK_FILE)).exists();
    }

    @Test
    void shouldKeepWhatExistedBeforeTheStart() throws IOException {
        Path workingDirectory = temp.resolve("embedded-pg");
        Path older = Files.createDirectories(workingDirectory.resolve(FOLDER));
        Path data = Files.createDirectories(workingDirectory.resolve("data-of-another-server"));
        PostgresExtraction extraction = PostgresExtraction.before(workingDirectory);

        extraction.removeUnfinished();

        assertThat(older).exists();
        assertThat(data).exists();
    }

    @Test
    void shouldUseTheJvmTempDirectoryLikeZonky() {
        assertThat(PostgresExtraction.zonkyWorkingDirectory())
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"));
    }
}
