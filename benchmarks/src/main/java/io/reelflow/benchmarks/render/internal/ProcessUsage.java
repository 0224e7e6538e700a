package io.reelflow.benchmarks.render.internal;

/**
 * What one child process cost: wall time as seen by the parent, CPU time (user + system) and peak
 * resident set size of the measured program.
 *
 * @param wallMillis from start to exit, measured by the parent
 * @param cpuMillis user plus system CPU time of the program
 * @param peakRssKb the program's maximum resident set size in KiB
 * @param exitCode the program's exit status
 * @param source how CPU and RSS were measured: {@code time -v} or {@code /proc polling}
 */
public record ProcessUsage(
        long wallMillis, long cpuMillis, long peakRssKb, int exitCode, String source) {

    public double peakRssMb() {
        return peakRssKb / 1024.0;
    }
}
