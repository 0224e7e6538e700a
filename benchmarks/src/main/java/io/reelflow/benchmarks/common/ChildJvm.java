package io.reelflow.benchmarks.common;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark main again in a child JVM with the same class path. Under Maven's {@code
 * exec:java} a local Flink cluster resolves job classes through the system class loader, which
 * lacks the program's class path, so the Flink benchmarks start themselves in a child JVM there.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** Whether {@code main} must be run in a child JVM: it was not loaded by {@code java -cp}. */
    public static boolean needed(Class<?> main) {
        return !JavaClassPath.isSystem(main);
    }

    /**
     * Runs a benchmark that starts the job on the local stack in a child JVM with {@code
     * configuredArgs} (the benchmark's {@code --jvm-args}) and the options local mode's launcher
     * gives: the openings Flink's serializers need, and the Vector API the renderer's fast path
     * uses (without it the render falls back to its scalar loops and the figures would not be the
     * job's).
     */
    public static void runLocalStack(Class<?> main, String configuredArgs, String[] args)
            throws IOException, InterruptedException {
        List<String> jvmArgs = new ArrayList<>(List.of(configuredArgs.trim().split("\\s+")));
        jvmArgs.addAll(
                List.of(
                        "--add-opens",
                        "java.base/java.util=ALL-UNNAMED",
                        "--add-opens",
                        "java.base/java.lang=ALL-UNNAMED",
                        "--add-modules",
                        "jdk.incubator.vector"));
        run(main, jvmArgs, args);
    }

    /**
     * Runs {@code main} with {@code jvmArgs} and {@code args}, console inherited, and waits.
     *
     * @throws IllegalStateException when the child exits with a non-zero code
     */
    public static void run(Class<?> main, List<String> jvmArgs, String[] args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JavaClassPath.javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(JavaClassPath.of(main));
        command.add(main.getName());
        command.addAll(List.of(args));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the benchmark's JVM exited with " + exit);
        }
    }
}
