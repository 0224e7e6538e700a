package io.reelflow.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WorkDirectory}. */
class WorkDirectoryTest {

    @TempDir Path parent;

    @Test
    void shouldDeleteATemporaryDirectoryWithItsServersData() throws Exception {
        Path path;
        try (WorkDirectory work = WorkDirectory.of(null, "work-test-")) {
            path = work.path();
            Files.writeString(
                    Files.createDirectories(path.resolve("services/kafka")).resolve("log"), "x");

            assertThat(work.temporary()).isTrue();
            assertThat(path.getFileName().toString()).startsWith("work-test-");
        }

        assertThat(path).doesNotExist();
    }

    @Test
    void shouldCreateAndKeepANamedDirectory() throws Exception {
        Path named = parent.resolve("kept/work");
        try (WorkDirectory work = WorkDirectory.of(named.toString(), "work-test-")) {
            Files.writeString(work.path().resolve("data"), "x");

            assertThat(work.temporary()).isFalse();
            assertThat(work.path()).isEqualTo(named);
        }

        assertThat(named.resolve("data")).hasContent("x");
    }
}
