package io.reelflow.benchmarks.generation;

import static io.reelflow.benchmarks.common.LocalResources.deleteRecursively;
import static io.reelflow.benchmarks.common.LocalResources.freePort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.reelflow.benchmarks.common.ChildJvm;
import io.reelflow.benchmarks.common.FlinkRest;
import io.reelflow.benchmarks.common.Machine;
import io.reelflow.benchmarks.common.Medians;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.connectors.generation.GenerationClients;
import io.reelflow.operators.generation.GenerateClipFunction;
import io.reelflow.operators.generation.GenerationConfig;
import io.reelflow.operators.generation.InMemoryJobRegistry;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.SceneWork;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Checkpoint duration of the generation stage with many scenes in flight: a local Flink job (source
 * of N scene tasks, then idle → rebalance → {@link GenerateClipFunction} in {@code
 * AsyncDataStream.unorderedWait} with capacity ≥ N → discarding sink) against E reference sidecars
 * with S slots each and a job time long enough that no scene finishes while checkpoints are
 * measured. Checkpoints: exactly-once, aligned unless {@code --unaligned}, hashmap state backend,
 * filesystem checkpoint storage. Reads the checkpoints that were triggered after all N scenes
 * entered the async operator and completed before any left it from the REST API, and writes JSON to
 * {@code --out}.
 *
 * <pre>
 * --out PATH            JSON result (required)
 * --runs N              jobs, one after another (default 3)
 * --tasks N             scene tasks in flight (default 1000)
 * --capacity N          the async operator's capacity (default --tasks); below --tasks, the
 *                       operator blocks on the task after the capacity-th, and the rest wait in
 *                       the network buffers in front of it
 * --endpoints E         sidecars (default 4)
 * --slots S             slots per sidecar (default 2)
 * --endpoint-slots J    jobs the stage submits to each endpoint at once (default S); more than S
 *                       wait in the sidecar's queue, so up to E x J jobs are live on the servers
 * --job-seconds L       the sidecars' job time (default 60)
 * --poll-ms P           the model's poll interval (default 1000)
 * --interval-ms I       checkpoint interval (default 2000)
 * --checkpoints K       completed checkpoints to measure per job (default 10)
 * --observe-seconds T   how long to wait for them after the job starts (default L - 5, before
 *                       any clip can finish; longer lets clips finish, and allInFlight says so)
 * --parallelism P       parallelism of the async operator (default 1)
 * --unaligned           unaligned checkpoints
 * </pre>
 */
public final class GenerationCheckpointBenchmark {

    private static final Set<String> OPTIONS =
            Set.of(
                    "out",
                    "runs",
                    "tasks",
                    "capacity",
                    "endpoints",
                    "slots",
                    "endpoint-slots",
                    "job-seconds",
                    "poll-ms",
                    "interval-ms",
                    "checkpoints",
                    "observe-seconds",
                    "parallelism");
    private static final String GENERATE_UID = "generate-clips";
    private static final String GENERATE_NAME = "Generate clips (model servers)";
    private static final long TARGET_MILLIS = 2000;
    private static final Duration METRIC_FETCH_INTERVAL = Duration.ofMillis(500);

    private final int tasks;
    private final int capacity;
    private final int endpoints;
    private final int slots;
    private final int endpointSlots;
    private final Duration jobTime;
    private final Duration poll;
    private final Duration interval;
    private final int checkpoints;
    private final Duration observe;
    private final int parallelism;
    private final boolean unaligned;

    private GenerationCheckpointBenchmark(Options options) {
        this.tasks = options.getInt("tasks", 1000);
        this.capacity = options.getInt("capacity", tasks);
        this.endpoints = options.getInt("endpoints", 4);
        this.slots = options.getInt("slots", 2);
        this.endpointSlots = options.getInt("endpoint-slots", slots);
        this.jobTime = Duration.ofSeconds(options.getInt("job-seconds", 60));
        this.poll = Duration.ofMillis(options.getInt("poll-ms", 1000));
        this.interval = Duration.ofMillis(options.getInt("interval-ms", 2000));
        this.checkpoints = options.getInt("checkpoints", 10);
        this.observe =
                Duration.ofSeconds(
                        options.getInt("observe-seconds", (int) jobTime.toSeconds() - 5));
        this.parallelism = options.getInt("parallelism", 1);
        this.unaligned = options.flag("unaligned");
    }

    public static void main(String[] args) throws Exception {
        if (ChildJvm.needed(GenerationCheckpointBenchmark.class)) {
            ChildJvm.run(GenerationCheckpointBenchmark.class, List.of(), args);
            return;
        }
        AvroClassTrust.install();
        Options options = Options.parse(args, OPTIONS, Set.of("unaligned"));
        Path out = Path.of(options.require("out"));
        int runs = options.getInt("runs", 3);
        GenerationCheckpointBenchmark benchmark = new GenerationCheckpointBenchmark(options);
        Map<String, Object> result = benchmark.measure(runs);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(out.toFile(), result);
        System.out.println(mapper.writeValueAsString(result));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /**
     * The benchmark's topology: {@code tasks} scene tasks from one source subtask, then idle;
     * rebalanced to the async generation operator; clips discarded.
     */
    static DataStream<SceneClip> topology(
            StreamExecutionEnvironment env,
            BenchmarkScenes scenes,
            int tasks,
            GenerateClipFunction generate,
            Duration timeout,
            int capacity,
            int parallelism) {
        GeneratorFunction<Long, SceneTask> taskOf = scenes::task;
        DataStream<SceneTask> sceneTasks =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        taskOf,
                                        Long.MAX_VALUE,
                                        new FirstRecordsOnly<NumberSequenceSplit>(tasks),
                                        TypeInformation.of(SceneTask.class)),
                                WatermarkStrategy.noWatermarks(),
                                "Scene tasks")
                        .setParallelism(1)
                        .uid("scene-tasks")
                        .name("Scene tasks")
                        .rebalance();
        SingleOutputStreamOperator<SceneClip> clips =
                AsyncDataStream.unorderedWait(
                                sceneTasks
                                        .map(new AsScene())
                                        .setParallelism(parallelism)
                                        .uid("as-scene-work")
                                        .name("As scene work"),
                                generate,
                                timeout.toMillis(),
                                TimeUnit.MILLISECONDS,
                                capacity)
                        .setParallelism(parallelism)
                        .uid(GENERATE_UID)
                        .name(GENERATE_NAME);
        // Not chained: the async operator's task then counts the clips it emits (numRecordsOut).
        clips.sinkTo(new DiscardingSink<>())
                .uid("discard-clips")
                .name("Discard clips")
                .disableChaining();
        return clips;
    }

    private Map<String, Object> measure(int runs) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Machine.describe());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tasks", tasks);
        settings.put("capacity", capacity);
        settings.put("endpoints", endpoints);
        settings.put("slotsPerSidecar", slots);
        settings.put("jobsAtOncePerEndpoint", endpointSlots);
        settings.put("jobSeconds", jobTime.toSeconds());
        settings.put("pollMillis", poll.toMillis());
        settings.put("checkpointIntervalMillis", interval.toMillis());
        settings.put("mode", "EXACTLY_ONCE");
        settings.put("unaligned", unaligned);
        settings.put("stateBackend", "hashmap");
        settings.put("checkpointStorage", "filesystem (local temporary directory)");
        settings.put("asyncParallelism", parallelism);
        settings.put("checkpointsPerRun", checkpoints);
        settings.put("observeSeconds", observe.toSeconds());
        result.put("settings", settings);
        result.put(
                "method",
                "checkpoints triggered after all tasks entered the async operator (numRecordsIn)"
                        + " and completed before any clip left it (numRecordsOut 0, no sidecar job"
                        + " completed); end-to-end duration from the REST API's history, sync,"
                        + " async, alignment and start delay of the slowest subtask of the async"
                        + " operator");
        result.put("targetMillis", TARGET_MILLIS);
        List<Map<String, Object>> all = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Map<String, Object> one = run(run);
            System.out.printf(
                    "run %d: end-to-end median %s ms, max %s ms over %s checkpoints%n",
                    run,
                    one.get("endToEndMillisMedian"),
                    one.get("endToEndMillisMax"),
                    one.get("measuredCheckpoints"));
            all.add(one);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> measured = (List<Map<String, Object>>) one.get("checkpoints");
            measured.forEach(c -> durations.add((Long) c.get("endToEndMillis")));
        }
        List<Number> medians =
                all.stream()
                        .map(r -> (Number) r.get("endToEndMillisMedian"))
                        .filter(m -> m != null)
                        .toList();
        List<Object> maxima = all.stream().map(r -> r.get("endToEndMillisMax")).toList();
        result.put("endToEndMillisMedianOfRuns", medians.isEmpty() ? null : Medians.of(medians));
        result.put(
                "endToEndMillisMedianPerRun",
                all.stream().map(r -> r.get("endToEndMillisMedian")).toList());
        result.put("endToEndMillisMaxPerRun", maxima);
        result.put("endToEndMillisMax", durations.stream().mapToLong(l -> l).max().orElse(-1));
        result.put("measuredCheckpoints", durations.size());
        result.put(
                "meetsTarget",
                medians.size() == runs
                        && all.stream().allMatch(r -> Boolean.TRUE.equals(r.get("allInFlight")))
                        && all.stream().noneMatch(r -> Boolean.TRUE.equals(r.get("timedOut")))
                        && Medians.of(medians) < TARGET_MILLIS);
        result.put("runs", all);
        return result;
    }

    private Map<String, Object> run(int run) throws Exception {
        String runId = "checkpoint-" + run + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createTempDirectory("generation-checkpoint-");
        int queue = Math.max(32, endpointSlots - slots);
        try (SidecarFleet fleet = SidecarFleet.start(endpoints, slots, jobTime, queue)) {
            GenerationConfig config =
                    GenerationConfig.builder()
                            .models(
                                    List.of(
                                            BenchmarkScenes.model(
                                                    fleet.names(), poll, jobTime.multipliedBy(2))))
                            .endpoints(fleet.endpoints(endpointSlots))
                            .capacity(capacity)
                            .build();
            int port = freePort();
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            parallelism, configuration(port, work.resolve("checkpoints")));
            env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
            topology(
                    env,
                    new BenchmarkScenes(runId, 64, 64, 8, 1),
                    tasks,
                    new GenerateClipFunction(
                            new GenerationClients(),
                            InMemoryJobRegistry::new,
                            DirectoryStores.factory(work.resolve("store")),
                            config),
                    config.operatorTimeout(),
                    capacity,
                    parallelism);
            JobClient job = env.executeAsync("generation checkpoint benchmark " + runId);
            try {
                return observe(
                        new FlinkRest(URI.create("http://127.0.0.1:" + port)),
                        job.getJobID().toHexString(),
                        fleet);
            } finally {
                job.cancel().get(1, TimeUnit.MINUTES);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private Configuration configuration(int restPort, Path checkpoints) {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, restPort);
        conf.set(RestOptions.BIND_PORT, Integer.toString(restPort));
        conf.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 200);
        conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, METRIC_FETCH_INTERVAL);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        conf.set(
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE,
                CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, unaligned);
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        return conf;
    }

    /**
     * Waits until the async operator holds all tasks it can take (all of them, or {@code capacity}
     * when there are more), then for K checkpoints triggered after that, and reads their figures. A
     * job whose checkpoints do not complete before the first clips could is reported as timed out,
     * with its oldest checkpoint in progress.
     */
    private Map<String, Object> observe(FlinkRest rest, String jobId, SidecarFleet fleet)
            throws Exception {
        long started = System.currentTimeMillis();
        long giveUp = started + jobTime.toMillis() / 2;
        String vertex = null;
        while (vertex == null) {
            vertex = vertexId(rest, jobId);
            if (vertex == null) {
                sleepUntilBefore(giveUp, "the job to run");
            }
        }
        int admitted = Math.min(tasks, capacity);
        while (rest.vertexMetricSum(jobId, vertex, "numRecordsIn") < admitted) {
            sleepUntilBefore(giveUp, "the async operator to take " + admitted + " tasks");
        }
        long allInFlightAt = System.currentTimeMillis();
        long runningOnServers = fleet.running();
        long queuedOnServers = fleet.queued();
        // Where the stage holds the scenes: per endpoint, jobs it runs and scenes waiting for a
        // slot.
        rest.refreshMetrics(jobId, vertex, METRIC_FETCH_INTERVAL);
        Map<String, Long> perEndpoint =
                endpointLoad(rest.vertexMetrics(jobId, vertex, ".inFlight", ".queued"));
        long stopAt = started + observe.toMillis();
        List<CheckpointFigures.Completed> measured = List.of();
        boolean timedOut = false;
        while (measured.size() < checkpoints) {
            if (System.currentTimeMillis() > stopAt) {
                timedOut = true;
                break;
            }
            Thread.sleep(250);
            measured =
                    CheckpointFigures.completed(rest.get("/jobs/" + jobId + "/checkpoints"))
                            .stream()
                            .filter(c -> c.triggerTimestamp() >= allInFlightAt)
                            .limit(checkpoints)
                            .toList();
        }
        rest.refreshMetrics(jobId, vertex, METRIC_FETCH_INTERVAL);
        long recordsOut = rest.vertexMetricSum(jobId, vertex, "numRecordsOut");
        long recordsIn = rest.vertexMetricSum(jobId, vertex, "numRecordsIn");
        long serverCompleted = fleet.completed();
        Map<String, Long> problems = rest.vertexMetrics(jobId, vertex, ".failures", ".retries");
        problems.values().removeIf(count -> count == 0);
        JsonNode history = rest.get("/jobs/" + jobId + "/checkpoints");
        List<Map<String, Object>> figures = new ArrayList<>();
        for (CheckpointFigures.Completed checkpoint : measured) {
            figures.add(figures(rest, jobId, vertex, checkpoint));
        }
        List<Long> durations =
                measured.stream().map(CheckpointFigures.Completed::endToEndMillis).toList();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("measuredCheckpoints", measured.size());
        run.put("timedOut", timedOut);
        run.put("endToEndMillisMedian", durations.isEmpty() ? null : Medians.of(durations));
        run.put("endToEndMillisMax", durations.stream().mapToLong(l -> l).max().orElse(-1));
        run.put("asyncOperatorRecordsIn", recordsIn);
        run.put("asyncOperatorRecordsOut", recordsOut);
        run.put("sidecarJobsRunningWhenAllInFlight", runningOnServers);
        run.put("sidecarJobsQueuedWhenAllInFlight", queuedOnServers);
        run.put("sidecarJobsCompletedDuringMeasurement", serverCompleted);
        run.put("scenesPerEndpoint", perEndpoint);
        run.put("stageFailuresAndRetries", problems);
        run.put("sidecarRefusedOrFailed", fleet.refusedOrFailed());
        run.put("sidecarSubmissions", fleet.submissions());
        run.put("sidecarSubmissionsPerSidecar", fleet.submissionsPerSidecar());
        run.put("allInFlight", recordsIn >= admitted && recordsOut == 0 && serverCompleted == 0);
        run.put("failedCheckpoints", CheckpointFigures.failedCount(history));
        run.put("latestFailure", CheckpointFigures.latestFailure(history));
        run.put(
                "oldestInProgressMillis",
                CheckpointFigures.oldestInProgressMillis(history, System.currentTimeMillis()));
        run.put("secondsFromSubmitToAllInFlight", (allInFlightAt - started) / 1000.0);
        run.put("checkpoints", figures);
        return run;
    }

    /**
     * {@code sidecar-0 -> inFlight + queued} from the generation stage's endpoint gauges (every
     * subtask of the task manager reports the same shared endpoints: subtask 0's are taken).
     */
    private static Map<String, Long> endpointLoad(Map<String, Long> gauges) {
        Map<String, Long> load = new java.util.TreeMap<>();
        gauges.forEach(
                (name, value) -> {
                    if (name.startsWith("0.")) {
                        String[] parts = name.split("\\.");
                        load.merge(parts[parts.length - 2], value, Long::sum);
                    }
                });
        return load;
    }

    private static Map<String, Object> figures(
            FlinkRest rest, String jobId, String vertex, CheckpointFigures.Completed checkpoint)
            throws IOException, InterruptedException {
        CheckpointFigures.Vertex generate =
                CheckpointFigures.vertex(
                        rest.get(
                                "/jobs/"
                                        + jobId
                                        + "/checkpoints/details/"
                                        + checkpoint.id()
                                        + "/subtasks/"
                                        + vertex));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("id", checkpoint.id());
        one.put("endToEndMillis", checkpoint.endToEndMillis());
        one.put("type", checkpoint.type());
        one.put("stateBytes", checkpoint.stateBytes());
        one.put("asyncOperatorStateBytes", generate.stateBytes());
        one.put("asyncOperatorSyncMillis", generate.syncMillis());
        one.put("asyncOperatorAsyncMillis", generate.asyncMillis());
        one.put("asyncOperatorAlignmentMillis", generate.alignmentMillis());
        one.put("asyncOperatorStartDelayMillis", generate.startDelayMillis());
        one.put("asyncOperatorEndToEndMillis", generate.endToEndMillis());
        one.put("processedBytes", checkpoint.processedBytes());
        one.put("persistedBytes", checkpoint.persistedBytes());
        return one;
    }

    private static String vertexId(FlinkRest rest, String jobId) throws InterruptedException {
        try {
            JsonNode job = rest.get("/jobs/" + jobId);
            if (!"RUNNING".equals(job.path("state").asText())) {
                return null;
            }
            for (JsonNode vertex : job.path("vertices")) {
                if (vertex.path("name").asText().contains(GENERATE_NAME)
                        && "RUNNING".equals(vertex.path("status").asText())) {
                    return vertex.path("id").asText();
                }
            }
        } catch (IOException e) {
            // The REST endpoint or the job is not up yet.
        }
        return null;
    }

    private static void sleepUntilBefore(long deadline, String what) throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("gave up waiting for " + what);
        }
        Thread.sleep(250);
    }

    /** The generation stage's input for a scene (the job's cancel gate makes it there). */
    private static final class AsScene implements MapFunction<SceneTask, SceneWork> {
        @Override
        public SceneWork map(SceneTask task) {
            return GenerateClipFunction.scene(task);
        }
    }
}
