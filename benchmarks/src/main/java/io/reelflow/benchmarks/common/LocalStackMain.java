package io.reelflow.benchmarks.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.operators.render.FfmpegLogging;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The start and end every benchmark of the whole job on the {@link LocalStack} shares: a child JVM
 * under {@code exec:java}, the process set up as local mode sets it up, a {@link WorkDirectory}
 * from {@code --work}, and the JSON result written to {@code --out} with a brief of it printed.
 *
 * <pre>{@code
 * LocalStackMain.run(BurstBenchmark.class, args, options, "burst-",
 *         (work, out) -> new BurstBenchmark(options).run(work), result -> result);
 * }</pre>
 */
public final class LocalStackMain {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the benchmark measures, given its work directory and the JSON file it may update. */
    @FunctionalInterface
    public interface Body {
        Map<String, Object> run(Path work, Path out) throws Exception;
    }

    private LocalStackMain() {}

    /**
     * Runs {@code body} and writes its result to {@code --out} (its folder is created first, so a
     * body may write partial results there), then prints {@code brief} of it and exits the JVM:
     * Kafka, S3 and Flink leave non-daemon threads behind now and then.
     *
     * @param workPrefix the name prefix of the temporary work directory used without {@code --work}
     */
    public static void run(
            Class<?> main,
            String[] args,
            Options options,
            String workPrefix,
            Body body,
            UnaryOperator<Map<String, Object>> brief)
            throws Exception {
        if (ChildJvm.needed(main)) {
            ChildJvm.runLocalStack(main, options.get("jvm-args", "-Xmx3g"), args);
            return;
        }
        AvroClassTrust.install();
        // The sidecar and the renderer run FFmpeg in this JVM, as in local mode.
        FfmpegLogging.install();
        Path out = Path.of(options.require("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Map<String, Object> result;
        try (WorkDirectory work = WorkDirectory.of(options.get("work", null), workPrefix)) {
            result = body.run(work.path(), out);
        }
        JSON.writeValue(out.toFile(), result);
        System.out.println(JSON.writeValueAsString(brief.apply(result)));
        System.out.println("wrote " + out.toAbsolutePath());
        System.exit(0);
    }
}
