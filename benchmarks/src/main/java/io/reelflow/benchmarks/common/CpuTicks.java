package io.reelflow.benchmarks.common;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's CPU time per core from {@code /proc/stat}: one snapshot of each core's jiffies, and
 * the busy share of each core between two snapshots. Busy is everything but {@code idle} and {@code
 * iowait}; {@code guest} time is already inside {@code user}, so it is not added again.
 *
 * @param cores per core {@code {busy, total}} jiffies, cpu0 first
 */
public record CpuTicks(List<long[]> cores) {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    /** This machine's counters now; empty where there is no {@code /proc/stat}. */
    public static CpuTicks now() {
        try {
            return parse(Files.readString(PROC_STAT));
        } catch (IOException e) {
            return new CpuTicks(List.of());
        }
    }

    /**
     * The {@code cpuN} lines of a {@code /proc/stat} text; the aggregate {@code cpu} is skipped.
     */
    public static CpuTicks parse(String procStat) {
        List<long[]> cores = new ArrayList<>();
        for (String line : procStat.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 5 || !fields[0].matches("cpu[0-9]+")) {
                continue;
            }
            // user nice system idle iowait irq softirq steal guest guest_nice
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle =
                    Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
            cores.add(new long[] {total - idle, total});
        }
        return new CpuTicks(List.copyOf(cores));
    }

    /**
     * Each core's busy share (0..1) from {@code before} to this snapshot, and their mean as {@code
     * all}; empty when the snapshots do not describe the same cores.
     */
    public Map<String, Double> busySince(CpuTicks before) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (before.cores.size() != cores.size() || cores.isEmpty()) {
            return shares;
        }
        long busy = 0;
        long total = 0;
        for (int i = 0; i < cores.size(); i++) {
            long coreBusy = cores.get(i)[0] - before.cores.get(i)[0];
            long coreTotal = cores.get(i)[1] - before.cores.get(i)[1];
            shares.put("cpu" + i, coreTotal <= 0 ? 0.0 : round((double) coreBusy / coreTotal));
            busy += coreBusy;
            total += coreTotal;
        }
        shares.put("all", total <= 0 ? 0.0 : round((double) busy / total));
        return shares;
    }

    /** CPU time of this JVM, all threads; 0 where the JVM does not tell. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
