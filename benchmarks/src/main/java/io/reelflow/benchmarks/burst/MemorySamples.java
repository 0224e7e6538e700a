package io.reelflow.benchmarks.burst;

import com.sun.management.GcInfo;
import io.reelflow.benchmarks.common.CpuTicks;
import io.reelflow.benchmarks.common.ProcessMemory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Memory of this JVM over time: heap used (garbage included), heap live after the last collection,
 * committed heap, the JVM's resident set size, and its CPU time. Each sample also carries the
 * caller's progress figures, so growth can be read against work done.
 */
final class MemorySamples {

    /** One sample; {@code progress} holds the caller's figures at that moment. */
    record Sample(
            double seconds,
            long heapUsedMb,
            long heapAfterLastGcMb,
            long heapCommittedMb,
            long rssMb,
            long gcCount,
            long gcMillis,
            double processCpuSeconds,
            Map<String, Object> progress) {}

    private static final long MB = 1024 * 1024;

    private final long startNanos = System.nanoTime();
    private final List<Sample> samples = new ArrayList<>();

    /** Takes a sample now and returns it. */
    synchronized Sample sample(Map<String, Object> progress) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long afterGc = heapAfterLastGc();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long rss = ProcessMemory.selfRssKb();
        Sample sample =
                new Sample(
                        Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0,
                        heap.getUsed() / MB,
                        afterGc < 0 ? -1 : afterGc / MB,
                        heap.getCommitted() / MB,
                        rss < 0 ? -1 : rss / 1024,
                        gcCount,
                        gcMillis,
                        Math.round(processCpuNanos() / 1e7) / 100.0,
                        new LinkedHashMap<>(progress));
        samples.add(sample);
        return sample;
    }

    /**
     * The heap in use right after the most recent collection of any collector, all heap pools
     * summed: what survived, i.e. live data plus what the collector left for later. (A pool's own
     * collection usage is no substitute: G1 updates the old generation's only on mixed or full
     * collections.) -1 before the first collection or on a JVM without these beans.
     */
    static long heapAfterLastGc() {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        GcInfo latest = null;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof com.sun.management.GarbageCollectorMXBean sun) {
                GcInfo info = sun.getLastGcInfo();
                if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                    latest = info;
                }
            }
        }
        if (latest == null) {
            return -1;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : latest.getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        return used;
    }

    /** Heap used right after a full collection ({@code System.gc()}): the live data, in MB. */
    static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
    }

    /** CPU time of this JVM, all threads; 0 where the JVM does not tell. */
    static long processCpuNanos() {
        return CpuTicks.processCpuNanos();
    }

    synchronized List<Sample> all() {
        return List.copyOf(samples);
    }

    /**
     * Maxima of heap after GC and RSS over each quarter of the samples: flat quarters mean memory
     * stayed bounded while the backlog drained, a rising staircase means it grew with work done.
     */
    synchronized Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples.size());
        summary.put(
                "heapUsedMbMax", samples.stream().mapToLong(Sample::heapUsedMb).max().orElse(-1));
        summary.put("rssMbMax", samples.stream().mapToLong(Sample::rssMb).max().orElse(-1));
        summary.put("heapAfterLastGcMbMaxPerQuarter", quarterMaxima(Sample::heapAfterLastGcMb));
        summary.put("rssMbMaxPerQuarter", quarterMaxima(Sample::rssMb));
        return summary;
    }

    private List<Long> quarterMaxima(java.util.function.ToLongFunction<Sample> figure) {
        return quarterMaxima(samples.stream().mapToLong(figure).toArray());
    }

    /**
     * The maximum of each quarter of {@code values} in order; fewer than four values: each alone.
     */
    static List<Long> quarterMaxima(long[] values) {
        List<Long> maxima = new ArrayList<>();
        int parts = Math.min(4, values.length);
        for (int q = 0; q < parts; q++) {
            int from = q * values.length / parts;
            int to = (q + 1) * values.length / parts;
            long max = Long.MIN_VALUE;
            for (int i = from; i < to; i++) {
                max = Math.max(max, values[i]);
            }
            maxima.add(max);
        }
        return maxima;
    }
}
