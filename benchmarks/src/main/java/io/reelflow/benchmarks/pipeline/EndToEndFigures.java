package io.reelflow.benchmarks.pipeline;

import io.reelflow.benchmarks.common.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a set of requests: percentiles per phase, throughput, and stage load. */
final class EndToEndFigures {

    /** A stage back-pressured this long per second is queueing work it cannot hand on. */
    static final double QUEUEING_MS_PER_SECOND = 500;

    /** Below this share of the cores' time busy, the machine had room for more work. */
    static final double BUSY_TARGET = 0.85;

    private EndToEndFigures() {}

    /**
     * For each phase of {@link PhaseTimeline} plus the two end-to-end figures, the nearest-rank
     * summary (count, min, p50, p95, p99, max) over the requests that have it.
     */
    static Map<String, Map<String, Long>> phasePercentiles(List<Map<String, Long>> requests) {
        List<String> names = new ArrayList<>(PhaseTimeline.PHASES);
        names.add("endToEndStatus");
        names.add("endToEndCommitted");
        Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
        for (String name : names) {
            long[] values =
                    requests.stream()
                            .filter(r -> r.containsKey(name))
                            .mapToLong(r -> r.get(name))
                            .toArray();
            figures.put(name, Percentiles.summary(values));
        }
        return figures;
    }

    /**
     * Videos per hour per core: {@code videos} finished in {@code millis} of wall time on {@code
     * cores} cores; 0 when no time passed.
     */
    static double videosPerHourPerCore(int videos, long millis, int cores) {
        if (millis <= 0 || cores <= 0) {
            return 0;
        }
        return Math.round(videos * 3_600_000.0 / millis / cores * 100) / 100.0;
    }

    /**
     * One sample of the job's stages and the machine: per stage (task), busy and back-pressured
     * milliseconds per second, and the cores' busy share since the previous sample.
     */
    record LoadSample(Map<String, double[]> stages, double machineBusy) {}

    /**
     * Per stage the mean busy and back-pressured ms/s over the samples, and the samples in which
     * some stage queued (back-pressured ≥ {@value #QUEUEING_MS_PER_SECOND} ms/s) while the cores
     * were below {@value #BUSY_TARGET} busy: work waiting while the machine had room for it.
     */
    static Map<String, Object> stageLoad(List<LoadSample> samples) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        int queuedWhileIdle = 0;
        List<String> examples = new ArrayList<>();
        for (LoadSample sample : samples) {
            String queueing = null;
            for (Map.Entry<String, double[]> stage : sample.stages().entrySet()) {
                double[] sum = sums.computeIfAbsent(stage.getKey(), k -> new double[3]);
                sum[0] += stage.getValue()[0];
                sum[1] += stage.getValue()[1];
                sum[2]++;
                if (stage.getValue()[1] >= QUEUEING_MS_PER_SECOND) {
                    queueing = stage.getKey();
                }
            }
            if (queueing != null && sample.machineBusy() < BUSY_TARGET) {
                queuedWhileIdle++;
                if (examples.size() < 5) {
                    examples.add(
                            queueing
                                    + " back-pressured while the cores were "
                                    + Math.round(sample.machineBusy() * 100)
                                    + " % busy");
                }
            }
        }
        Map<String, Object> stages = new LinkedHashMap<>();
        sums.forEach(
                (name, sum) ->
                        stages.put(
                                name,
                                Map.of(
                                        "busyMsPerSecond", Math.round(sum[0] / sum[2]),
                                        "backPressuredMsPerSecond", Math.round(sum[1] / sum[2]))));
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("samples", samples.size());
        load.put("meanPerStage", stages);
        load.put("samplesQueuedWhileCoresHadRoom", queuedWhileIdle);
        load.put("examples", examples);
        return load;
    }
}
