package io.reelflow.benchmarks.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident set sizes from {@code /proc/<pid>/status} (Linux): what the kernel holds in RAM for a
 * process, heap, metaspace, thread stacks and native buffers (FFmpeg, direct memory) together.
 */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** This JVM's resident set in KiB, or -1 where {@code /proc} is not there. */
    public static long selfRssKb() {
        return rssKb(ProcessHandle.current().pid());
    }

    /** A process's resident set in KiB, or -1 when it has gone or {@code /proc} is not there. */
    public static long rssKb(long pid) {
        try {
            return parseVmRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The {@code VmRSS} line of a {@code status} file in KiB ({@code "VmRSS: 123456 kB"}).
     *
     * @throws IllegalArgumentException when there is no such line (a kernel thread has none)
     */
    static long parseVmRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmRSS line: " + line);
                }
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("no VmRSS line");
    }
}
