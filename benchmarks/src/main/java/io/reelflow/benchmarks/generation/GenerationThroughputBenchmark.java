package io.reelflow.benchmarks.generation;

import static io.reelflow.benchmarks.common.LocalResources.deleteRecursively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.benchmarks.common.Machine;
import io.reelflow.benchmarks.common.Medians;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.benchmarks.common.WorkDirectory;
import io.reelflow.connectors.generation.GenerationClients;
import io.reelflow.operators.generation.ClipGenerator;
import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.GenerationRuntime;
import io.reelflow.operators.generation.InMemoryJobRegistry;
import io.reelflow.schemas.ClipSource;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.codec.AvroClassTrust;
import io.reelflow.sidecar.ClipRequest;
import io.reelflow.sidecar.ClipSynthesizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sustained throughput of the generation core: E reference sidecars with S slots and job time L
 * each, N = rounds x S x E distinct scenes handed to one {@link ClipGenerator} at once (real {@code
 * openai-videos} adapters over loopback HTTP, in-memory job registry, directory object store),
 * clips per second against the ideal S x E / L. Checks that the sidecars received exactly N
 * submissions, one per content key. Writes JSON to {@code --out}.
 *
 * <pre>
 * --out PATH           JSON result (required)
 * --configs LIST       SxE pairs (default 2x4,8x1,4x8,8x4)
 * --runs N             runs per configuration (default 3)
 * --job-seconds L      the sidecars' job time (default 5)
 * --poll-ms P          the model's poll interval (default 100)
 * --rounds R           scenes per slot, N = R x S x E (default 8)
 * --size WxH           clip size (default 64x64)
 * --fps F              frames per second (default 8)
 * --seconds D          clip length (default 1)
 * --work DIR           object stores (default a temporary directory, deleted)
 * </pre>
 */
public final class GenerationThroughputBenchmark {

    private static final Set<String> OPTIONS =
            Set.of(
                    "out",
                    "configs",
                    "runs",
                    "job-seconds",
                    "poll-ms",
                    "rounds",
                    "size",
                    "fps",
                    "seconds",
                    "work");
    private static final double TARGET_RATIO = 0.95;
    private static final int SYNTHESIS_SAMPLES = 10;

    private final Duration jobTime;
    private final Duration poll;
    private final int rounds;
    private final int width;
    private final int height;
    private final int fps;
    private final double seconds;
    private final Path work;

    private GenerationThroughputBenchmark(Options options, Path work) {
        this.jobTime = Duration.ofMillis(Math.round(1000 * doubleOf(options, "job-seconds", 5)));
        this.poll = Duration.ofMillis(options.getInt("poll-ms", 100));
        this.rounds = options.getInt("rounds", 8);
        String[] size = options.get("size", "64x64").split("x");
        this.width = Integer.parseInt(size[0].trim());
        this.height = Integer.parseInt(size[1].trim());
        this.fps = options.getInt("fps", 8);
        this.seconds = doubleOf(options, "seconds", 1);
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        AvroClassTrust.install();
        Options options = Options.parse(args, OPTIONS, Set.of());
        Path out = Path.of(options.require("out"));
        int runs = options.getInt("runs", 3);
        List<int[]> configs = new ArrayList<>();
        for (String pair : options.list("configs", "2x4,8x1,4x8,8x4")) {
            String[] parts = pair.split("x");
            configs.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        }
        try (WorkDirectory work =
                WorkDirectory.of(options.get("work", null), "generation-throughput-")) {
            GenerationThroughputBenchmark benchmark =
                    new GenerationThroughputBenchmark(options, work.path());
            Map<String, Object> result = benchmark.measure(configs, runs);
            Files.createDirectories(out.toAbsolutePath().getParent());
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            mapper.writeValue(out.toFile(), result);
            System.out.println(mapper.writeValueAsString(result));
            System.out.println("wrote " + out.toAbsolutePath());
        }
    }

    private Map<String, Object> measure(List<int[]> configs, int runs) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Machine.describe());
        result.put("jobSeconds", jobTime.toMillis() / 1000.0);
        result.put("pollMillis", poll.toMillis());
        result.put("rounds", rounds);
        result.put("clip", width + "x" + height + ", " + fps + " fps, " + seconds + " s");
        result.put("synthesisMillisMedian", synthesisMillis());
        result.put("targetRatio", TARGET_RATIO);
        result.put(
                "method",
                "N = rounds x S x E distinct scenes handed to the core at once; steady = clips"
                        + " after the first S x E completions over the time from the S x E-th to"
                        + " the last completion; makespan = all clips over first submission to"
                        + " last completion; ratio = achieved / (S x E / L)");
        // Warm-up: class loading, JIT and the first connections, not reported.
        int[] first = configs.get(0);
        run(first[0], first[1], Duration.ofMillis(500), 2, "warmup");
        List<Map<String, Object>> figures = new ArrayList<>();
        for (int[] config : configs) {
            int slots = config[0];
            int endpoints = config[1];
            List<Map<String, Object>> all = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Map<String, Object> one = run(slots, endpoints, jobTime, rounds, "run" + run);
                System.out.printf(
                        "S=%d E=%d run %d: steady ratio %.3f, makespan ratio %.3f%n",
                        slots, endpoints, run, one.get("steadyRatio"), one.get("makespanRatio"));
                all.add(one);
            }
            figures.add(summary(slots, endpoints, all));
        }
        result.put("configurations", figures);
        return result;
    }

    private Map<String, Object> summary(int slots, int endpoints, List<Map<String, Object>> runs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("slots", slots);
        summary.put("endpoints", endpoints);
        summary.put("parallelism", slots * endpoints);
        summary.put("scenes", rounds * slots * endpoints);
        summary.put("targetClipsPerSecond", round(slots * endpoints * 1000.0 / jobTime.toMillis()));
        for (String figure :
                List.of(
                        "steadyRatio",
                        "makespanRatio",
                        "steadyClipsPerSecond",
                        "makespanClipsPerSecond",
                        "serverJobSecondsMean",
                        "detectionLagMillisMean",
                        "handOffMillisMean",
                        "cpuSecondsPerClip")) {
            List<Number> values = runs.stream().map(r -> (Number) r.get(figure)).toList();
            summary.put(figure + "Median", round(Medians.of(values)));
            summary.put(figure + "All", values);
        }
        double median = (double) summary.get("steadyRatioMedian");
        summary.put("meetsTarget", median >= TARGET_RATIO);
        summary.put(
                "allSubmissionsOnce",
                runs.stream().allMatch(r -> Boolean.TRUE.equals(r.get("oneSubmissionPerScene"))));
        summary.put("runs", runs);
        return summary;
    }

    /** One run on fresh sidecars, registry and store. */
    private Map<String, Object> run(
            int slots, int endpointCount, Duration job, int roundCount, String label)
            throws Exception {
        int parallelism = slots * endpointCount;
        int scenes = roundCount * parallelism;
        String runId = label + "-" + slots + "x" + endpointCount + "-" + shortId();
        Path store = Files.createDirectories(work.resolve(runId));
        BenchmarkScenes scenery = new BenchmarkScenes(runId, width, height, fps, seconds);
        List<SceneTask> tasks = new ArrayList<>(scenes);
        for (int i = 0; i < scenes; i++) {
            tasks.add(scenery.task(i));
        }
        // Queue room on the servers is never used: the core holds at most S jobs per endpoint.
        try (SidecarFleet fleet = SidecarFleet.start(endpointCount, slots, job, 32)) {
            GenerationConfig config =
                    GenerationConfig.builder()
                            .models(
                                    List.of(
                                            BenchmarkScenes.model(
                                                    fleet.names(),
                                                    poll,
                                                    job.multipliedBy(roundCount * 2L)
                                                            .plusMinutes(1))))
                            .endpoints(fleet.endpoints())
                            .capacity(scenes)
                            .build();
            RecordingMetrics metrics = new RecordingMetrics();
            GenerationRuntime runtime =
                    GenerationRuntime.acquire(
                            config,
                            new GenerationClients(),
                            InMemoryJobRegistry::new,
                            DirectoryStores.factory(store));
            long[] completed = new long[scenes];
            List<SceneClip> clips = Collections.synchronizedList(new ArrayList<>());
            long cpuBefore = processCpuNanos();
            try {
                ClipGenerator generator = new ClipGenerator(runtime, metrics);
                List<CompletableFuture<?>> all = new ArrayList<>(scenes);
                for (int i = 0; i < scenes; i++) {
                    int index = i;
                    all.add(
                            generator
                                    .clipFor(tasks.get(i))
                                    .thenAccept(
                                            clip -> {
                                                completed[index] = System.nanoTime();
                                                clips.add(clip);
                                            }));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                        .get(
                                job.multipliedBy(roundCount * 3L).plusMinutes(2).toMillis(),
                                TimeUnit.MILLISECONDS);
            } finally {
                runtime.release();
            }
            long cpu = processCpuNanos() - cpuBefore;
            Throughput throughput =
                    Throughput.of(
                            metrics.firstSubmitNanos(),
                            completed,
                            parallelism,
                            job.toMillis() / 1000.0);
            return runFigures(fleet, metrics, clips, throughput, cpu, scenes, slots);
        } finally {
            deleteRecursively(store);
        }
    }

    private static Map<String, Object> runFigures(
            SidecarFleet fleet,
            RecordingMetrics metrics,
            List<SceneClip> clips,
            Throughput throughput,
            long cpuNanos,
            int scenes,
            int slots) {
        Map<String, Long> byKey = fleet.submissionsByKey();
        long generated =
                clips.stream()
                        .filter(c -> c.getSource() == ClipSource.GENERATED && !c.getDegraded())
                        .count();
        double serverSeconds = meanSeconds(metrics.serverTimes());
        double latencySeconds = meanSeconds(metrics.jobLatencies());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("scenes", scenes);
        run.put("generatedClips", generated);
        run.put("serverSubmissions", fleet.submissions());
        run.put("submissionsPerSidecar", fleet.submissionsPerSidecar());
        run.put("distinctContentKeys", byKey.size());
        run.put("maxSubmissionsPerKey", byKey.values().stream().mapToLong(l -> l).max().orElse(0));
        run.put(
                "oneSubmissionPerScene",
                fleet.submissions() == scenes
                        && byKey.size() == scenes
                        && byKey.values().stream().allMatch(c -> c == 1));
        run.put("refusedOrFailed", fleet.refusedOrFailed());
        run.put("retriesFailuresCacheHitsOrTitleCards", metrics.problems());
        run.put("failures", metrics.failures());
        run.put("steadyRatio", round(throughput.steadyRatio()));
        run.put("makespanRatio", round(throughput.makespanRatio()));
        run.put("steadyClipsPerSecond", round(throughput.steadyClipsPerSecond()));
        run.put("makespanClipsPerSecond", round(throughput.makespanClipsPerSecond()));
        run.put("steadySeconds", round(throughput.steadySeconds()));
        run.put("makespanSeconds", round(throughput.makespanSeconds()));
        run.put("serverJobSecondsMean", round(serverSeconds));
        run.put("jobLatencySecondsMean", round(latencySeconds));
        run.put("detectionLagMillisMean", round(1000 * (latencySeconds - serverSeconds)));
        run.put("handOffMillisMean", round(handOffMillis(metrics, slots)));
        run.put("polls", metrics.polls());
        run.put("cpuSecondsPerClip", round(cpuNanos / 1e9 / scenes));
        run.put(
                "loadAverage",
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        return run;
    }

    private static double handOffMillis(RecordingMetrics metrics, int slots) {
        Map<String, List<Long>> ended = metrics.endedAt();
        List<Long> gaps = new ArrayList<>();
        metrics.submittedAt()
                .forEach(
                        (endpoint, submitted) ->
                                gaps.addAll(
                                        HandOffs.gapsNanos(
                                                slots,
                                                submitted,
                                                ended.getOrDefault(endpoint, List.of()))));
        return gaps.stream().mapToLong(l -> l).average().orElse(0) / 1e6;
    }

    /** Median time the fake takes to encode one benchmark clip, alone on an idle server. */
    private double synthesisMillis() throws IOException {
        ClipSynthesizer synthesizer = new ClipSynthesizer();
        int frames = (int) Math.round(fps * seconds);
        Path file = Files.createTempFile(work, "synthesis-", ".mp4");
        List<Double> millis = new ArrayList<>();
        try {
            for (int i = 0; i < SYNTHESIS_SAMPLES + 2; i++) {
                ClipRequest request =
                        new ClipRequest("synthesis sample " + i, i, width, height, fps, frames);
                long start = System.nanoTime();
                synthesizer.synthesize(request, file);
                if (i >= 2) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return round(Medians.of(millis));
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static double meanSeconds(List<Duration> durations) {
        return durations.stream().mapToLong(Duration::toNanos).average().orElse(0) / 1e9;
    }

    private static double doubleOf(Options options, String name, double fallback) {
        String value = options.get(name, null);
        try {
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was " + value);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
