package io.reelflow.benchmarks.render.internal;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Parsers for the resource figures of a process: GNU {@code time -v} reports, {@code
 * /proc/<pid>/status} and {@code /proc/<pid>/stat}.
 */
public final class UsageParsers {

    /**
     * The figures of a {@code /usr/bin/time -v} report.
     *
     * @param userMillis user CPU time
     * @param systemMillis system CPU time
     * @param maxRssKb "Maximum resident set size (kbytes)"
     * @param exitStatus the program's exit status (0 when the report does not say)
     */
    public record TimeReport(long userMillis, long systemMillis, long maxRssKb, int exitStatus) {
        public long cpuMillis() {
            return userMillis + systemMillis;
        }
    }

    private UsageParsers() {}

    /**
     * Reads user and system time, maximum RSS and exit status from a {@code time -v} report.
     *
     * @throws IllegalArgumentException when a figure is missing
     */
    public static TimeReport parseTimeVerbose(String report) {
        Double user = null;
        Double system = null;
        Long maxRss = null;
        int exit = 0;
        for (String raw : report.split("\\R")) {
            String line = raw.strip();
            int colon = line.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = line.substring(colon + 1).strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("user time (seconds)")) {
                user = Double.parseDouble(value);
            } else if (lower.startsWith("system time (seconds)")) {
                system = Double.parseDouble(value);
            } else if (lower.startsWith("maximum resident set size (kbytes)")) {
                maxRss = Long.parseLong(value);
            } else if (lower.startsWith("exit status")) {
                exit = Integer.parseInt(value);
            }
        }
        if (user == null || system == null || maxRss == null) {
            throw new IllegalArgumentException(
                    "not a complete `time -v` report (user/system time, maximum resident set"
                            + " size): "
                            + report.strip());
        }
        return new TimeReport(Math.round(user * 1000), Math.round(system * 1000), maxRss, exit);
    }

    /** A {@code kB} field such as {@code VmHWM} or {@code VmRSS} of {@code /proc/<pid>/status}. */
    public static OptionalLong statusKb(String status, String field) {
        String prefix = field + ":";
        for (String line : status.split("\\R")) {
            if (line.startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).strip().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /**
     * User plus system CPU time in clock ticks ({@code utime + stime}, fields 14 and 15) from
     * {@code /proc/<pid>/stat}. The command name in field 2 may hold spaces and parentheses, so
     * fields are counted after its last {@code )}.
     */
    public static long cpuTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 1).strip().split("\\s+");
        // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + stat);
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
