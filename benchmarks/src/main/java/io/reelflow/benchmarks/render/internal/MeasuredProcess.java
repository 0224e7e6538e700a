package io.reelflow.benchmarks.render.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and measures it: wall time by the parent, CPU time and peak RSS
 * from GNU {@code time -v} when {@code /usr/bin/time} exists (exact: taken from the kernel's rusage
 * at exit), else from {@code /proc} polled every {@value #SAMPLE_MILLIS} ms (may miss the last
 * moments). The resident set size is sampled during the run either way, to show whether it grows
 * with the length of a render.
 */
public final class MeasuredProcess {

    /** One resident-set sample of the running program. */
    public record RssSample(long atMillis, long rssKb) {}

    /** The cost of a run, its output and its RSS over time. */
    public record Result(
            ProcessUsage usage, String stdout, String stderr, List<RssSample> rssSamples) {}

    static final long SAMPLE_MILLIS = 100;

    /** Clock ticks per second of {@code /proc/<pid>/stat} on Linux x86-64 ({@code CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Path timeProgram;

    /**
     * @param timeProgram GNU time, or empty to poll {@code /proc} instead
     */
    public MeasuredProcess(Optional<Path> timeProgram) {
        this.timeProgram = timeProgram.orElse(null);
    }

    /** Uses {@code /usr/bin/time} when it is installed. */
    public static MeasuredProcess detect() {
        return new MeasuredProcess(
                Files.isExecutable(GNU_TIME) ? Optional.of(GNU_TIME) : Optional.empty());
    }

    /** {@code time -v} or {@code /proc polling}. */
    public String source() {
        return timeProgram != null ? "time -v" : "/proc polling";
    }

    /**
     * Runs {@code command} with its output in {@code <logs>/<name>.out|.err|.time} and waits for
     * it.
     *
     * @throws IOException when the command cannot start or exits with a non-zero status
     */
    public Result run(List<String> command, Path logs, String name)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Path report = logs.resolve(name + ".time");
        Files.deleteIfExists(report);
        List<String> full = new ArrayList<>();
        if (timeProgram != null) {
            full.addAll(List.of(timeProgram.toString(), "-v", "-o", report.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder =
                new ProcessBuilder(full)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        long start = System.nanoTime();
        Process process = builder.start();
        List<RssSample> samples = new ArrayList<>();
        long lastTicks = 0;
        long lastHwm = 0;
        while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
            long program = programPid(process);
            if (program < 0) {
                continue;
            }
            try {
                String status = Files.readString(procFile(program, "status"));
                OptionalLong rss = UsageParsers.statusKb(status, "VmRSS");
                OptionalLong hwm = UsageParsers.statusKb(status, "VmHWM");
                long at = (System.nanoTime() - start) / 1_000_000;
                if (rss.isPresent()) {
                    samples.add(new RssSample(at, rss.getAsLong()));
                }
                lastHwm = Math.max(lastHwm, hwm.orElse(0));
                lastTicks = UsageParsers.cpuTicks(Files.readString(procFile(program, "stat")));
            } catch (IOException | RuntimeException e) {
                // The program exited between the check and the read: keep the last sample.
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        int exit = process.exitValue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IOException(
                    name
                            + " exited with "
                            + exit
                            + ": "
                            + String.join(" ", command)
                            + "\n"
                            + lastLines(stderr, 20));
        }
        ProcessUsage usage;
        if (timeProgram != null) {
            UsageParsers.TimeReport parsed =
                    UsageParsers.parseTimeVerbose(Files.readString(report, StandardCharsets.UTF_8));
            usage = new ProcessUsage(wall, parsed.cpuMillis(), parsed.maxRssKb(), exit, source());
        } else {
            usage =
                    new ProcessUsage(
                            wall, lastTicks * 1000 / TICKS_PER_SECOND, lastHwm, exit, source());
        }
        return new Result(usage, stdout, stderr, List.copyOf(samples));
    }

    /** The measured program: the child of {@code time}, or the process itself without it. */
    private long programPid(Process process) {
        if (timeProgram == null) {
            return process.pid();
        }
        return process.toHandle().children().mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    private static Path procFile(long pid, String name) {
        return Path.of("/proc", Long.toString(pid), name);
    }

    private static File nullDevice() {
        return new File("/dev/null");
    }

    private static String lastLines(String text, int count) {
        String[] lines = text.strip().split("\\R");
        int from = Math.max(0, lines.length - count);
        return String.join("\n", Arrays.asList(lines).subList(from, lines.length));
    }
}
