package io.reelflow.benchmarks.render.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The class path of the benchmark's render processes. A task manager loads the job from one shaded
 * jar (the pipeline job's {@code -job.jar}) beside Flink's few library jars; the benchmark's own
 * class path lists some 300 jars from the Maven repository, and a fresh JVM looking up its 4,000
 * classes through them spends seconds of CPU on the lookups and on compiling the lookup code. So
 * the render processes get the benchmark's own classes, the job jar and the logging jars Flink
 * ships, and the full class path only when asked or when the job jar has not been built.
 */
public final class RenderClassPath {

    /** Jars Flink's {@code lib/} ships that the job jar leaves to it (logging). */
    private static final List<String> FLINK_LIBRARY_JARS =
            List.of("slf4j-api-", "log4j-api-", "log4j-core-", "log4j-slf4j2-impl-");

    private static final String JOB_MODULE = "reelflow-pipeline-job-";

    private RenderClassPath() {}

    /**
     * The class path for render processes: {@code own} (where the benchmark's classes are), the
     * pipeline job's shaded jar found next to its module's entry in {@code full}, and the logging
     * jars of {@code full}; empty when {@code full} has no pipeline-job entry or its target folder
     * no {@code -job.jar}.
     */
    public static Optional<String> taskManagerLike(String full, Path own) {
        List<String> entries = List.of(full.split(File.pathSeparator));
        Optional<Path> jobJar =
                entries.stream()
                        .map(RenderClassPath::jobTarget)
                        .flatMap(Optional::stream)
                        .map(RenderClassPath::shadedJarIn)
                        .flatMap(Optional::stream)
                        .findFirst();
        if (jobJar.isEmpty()) {
            return Optional.empty();
        }
        List<String> chosen = new ArrayList<>();
        chosen.add(own.toString());
        chosen.add(jobJar.get().toString());
        for (String entry : entries) {
            String name = Path.of(entry).getFileName().toString();
            if (FLINK_LIBRARY_JARS.stream().anyMatch(name::startsWith) && name.endsWith(".jar")) {
                chosen.add(entry);
            }
        }
        return Optional.of(String.join(File.pathSeparator, chosen));
    }

    /** The target folder of a pipeline-job class path entry: its jar or its classes folder. */
    private static Optional<Path> jobTarget(String entry) {
        Path path = Path.of(entry);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean jar = name.startsWith(JOB_MODULE) && name.endsWith(".jar");
        boolean classes =
                name.equals("classes")
                        && path.getParent() != null
                        && path.getParent().getParent() != null
                        && path.getParent()
                                .getParent()
                                .getFileName()
                                .toString()
                                .equals("pipeline-job");
        return jar || classes ? Optional.ofNullable(path.getParent()) : Optional.empty();
    }

    private static Optional<Path> shadedJarIn(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(
                            file -> {
                                String name = file.getFileName().toString();
                                return name.startsWith(JOB_MODULE) && name.endsWith("-job.jar");
                            })
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
