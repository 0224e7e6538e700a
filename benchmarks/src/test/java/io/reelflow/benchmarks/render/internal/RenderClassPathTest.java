package io.reelflow.benchmarks.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link RenderClassPath}. */
class RenderClassPathTest {

    @TempDir Path root;

    @Test
    void shouldTakeTheJobJarAndFlinksLoggingJarsInPlaceOfTheRepository() throws IOException {
        Path target = Files.createDirectories(root.resolve("pipeline-job/target"));
        Path thin = Files.createFile(target.resolve("reelflow-pipeline-job-0.1.0.jar"));
        Path shaded = Files.createFile(target.resolve("reelflow-pipeline-job-0.1.0-job.jar"));
        Path own = root.resolve("benchmarks/target/classes");
        String full =
                String.join(
                        File.pathSeparator,
                        own.toString(),
                        "/m2/org/apache/flink/flink-core-2.1.jar",
                        thin.toString(),
                        "/m2/org/slf4j/slf4j-api-2.0.17.jar",
                        "/m2/org/apache/logging/log4j/log4j-core-2.25.2.jar",
                        "/m2/org/apache/avro/avro-1.12.2.jar");

        assertThat(RenderClassPath.taskManagerLike(full, own))
                .contains(
                        String.join(
                                File.pathSeparator,
                                own.toString(),
                                shaded.toString(),
                                "/m2/org/slf4j/slf4j-api-2.0.17.jar",
                                "/m2/org/apache/logging/log4j/log4j-core-2.25.2.jar"));
    }

    @Test
    void shouldFindTheJobJarFromTheModulesClassesFolder() throws IOException {
        Path classes = Files.createDirectories(root.resolve("pipeline-job/target/classes"));
        Path shaded =
                Files.createFile(classes.getParent().resolve("reelflow-pipeline-job-1-job.jar"));

        assertThat(RenderClassPath.taskManagerLike(classes.toString(), root.resolve("own")))
                .hasValueSatisfying(path -> assertThat(path).contains(shaded.toString()));
    }

    @Test
    void shouldFindNothingWhenTheJobJarIsNotBuilt() throws IOException {
        Path target = Files.createDirectories(root.resolve("pipeline-job/target"));
        Path thin = Files.createFile(target.resolve("reelflow-pipeline-job-0.1.0.jar"));

        assertThat(RenderClassPath.taskManagerLike(thin.toString(), root.resolve("own"))).isEmpty();
        assertThat(RenderClassPath.taskManagerLike("/m2/avro.jar", root.resolve("own"))).isEmpty();
    }
}
