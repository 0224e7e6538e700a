package io.reelflow.benchmarks.burst;

import io.reelflow.benchmarks.common.JobProbe;
import io.reelflow.benchmarks.common.LocalStack;
import io.reelflow.benchmarks.common.LocalStackMain;
import io.reelflow.benchmarks.common.Machine;
import io.reelflow.benchmarks.common.Options;
import io.reelflow.benchmarks.common.ResultCollector;
import io.reelflow.embedded.ReelflowServices;
import io.reelflow.job.config.KafkaOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.schemas.codec.VideoRequestCodec;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A burst against the whole job on the local stack: embedded Kafka, S3 (objects on disk) and
 * PostgreSQL as {@code ./reelflow local} starts them, the job as {@code ReelflowJob.define} builds
 * it with local mode's configuration, and the reference sidecar as a fast fake model server. N
 * requests are published at once once the job runs; the benchmark then waits until every request
 * has a result on the results topic (read with {@code read_committed}), sampling memory, progress,
 * checkpoints and the sidecar every few seconds. Writes JSON to {@code --out}.
 *
 * <pre>
 * --out PATH            JSON result (required)
 * --requests N          requests in the burst (default 10000)
 * --seconds D           target duration per video (default 3)
 * --resolution R        (default 240p)
 * --aspect-ratio A      (default 16:9)
 * --sentences S         sentences per text, bounds the scenes per video (default 2)
 * --no-subtitles        videos without subtitles
 * --parallelism P       job parallelism, as local mode's --parallelism (default 2)
 * --sidecar-slots S     jobs the fake runs at once, also the endpoint's slots (default 16)
 * --job-ms L            the fake's fixed job time (default 200)
 * --poll-ms P           the model's poll interval (default 200)
 * --sample-seconds T    sampling period (default 5)
 * --timeout-minutes M   give up after M minutes of burst (default 90)
 * --stall-minutes M     give up when no result arrives for M minutes (default 10)
 * --conf "k=v;k=v"      further job options, over local mode's
 * --jvm-args "..."      JVM options when started under exec:java (default -Xmx3g)
 * --work DIR            data of the servers (default a temporary directory, deleted)
 * </pre>
 */
public final class BurstBenchmark {

    private static final Set<String> OPTIONS =
            Set.of(
                    "out",
                    "requests",
                    "seconds",
                    "resolution",
                    "aspect-ratio",
                    "sentences",
                    "parallelism",
                    "sidecar-slots",
                    "job-ms",
                    "poll-ms",
                    "sample-seconds",
                    "timeout-minutes",
                    "stall-minutes",
                    "conf",
                    "jvm-args",
                    "work");
    private static final Set<String> FLAGS = Set.of("no-subtitles");

    /** As local mode: the run id results and status rows carry. */
    private static final String RUN_ID = "burst";

    private final Options options;
    private final int requests;
    private final BurstRequests shape;
    private final int parallelism;
    private final int sidecarSlots;
    private final Duration jobTime;
    private final Duration poll;
    private final Duration samplePeriod;
    private final Duration timeout;
    private final Duration stall;

    private BurstBenchmark(Options options) {
        this.options = options;
        this.requests = options.getInt("requests", 10_000);
        this.shape =
                new BurstRequests(
                        Double.parseDouble(options.get("seconds", "3")),
                        options.get("resolution", "240p"),
                        options.get("aspect-ratio", "16:9"),
                        options.getInt("sentences", 2),
                        !options.flag("no-subtitles"));
        this.parallelism = options.getInt("parallelism", 2);
        this.sidecarSlots = options.getInt("sidecar-slots", 16);
        this.jobTime = Duration.ofMillis(options.getInt("job-ms", 200));
        this.poll = Duration.ofMillis(options.getInt("poll-ms", 200));
        this.samplePeriod = Duration.ofSeconds(options.getInt("sample-seconds", 5));
        this.timeout = Duration.ofMinutes(options.getInt("timeout-minutes", 90));
        this.stall = Duration.ofMinutes(options.getInt("stall-minutes", 10));
        if (requests < 1 || requests > BurstRequests.distinctTexts()) {
            throw new IllegalArgumentException(
                    "--requests must be 1.." + BurstRequests.distinctTexts() + ", was " + requests);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, OPTIONS, FLAGS);
        LocalStackMain.run(
                BurstBenchmark.class,
                args,
                options,
                "burst-",
                (work, out) -> new BurstBenchmark(options).run(work),
                result -> {
                    Map<String, Object> brief = new LinkedHashMap<>(result);
                    brief.remove("samples");
                    return brief;
                });
    }

    private Map<String, Object> run(Path work) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Machine.describe());
        result.put("requestShape", shape.describe());
        result.put("requests", requests);
        try (LocalStack stack =
                LocalStack.start(
                        work,
                        SidecarOptions.defaults().withSlots(sidecarSlots).withJobTime(jobTime))) {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put(PipelineOptions.RUN_ID.key(), RUN_ID);
            overrides.put(
                    "reelflow.generation.model.reference.poll-interval", poll.toMillis() + " ms");
            overrides.putAll(options.pairs("conf"));
            Configuration config = stack.jobConfiguration(overrides);
            result.put("configuration", describe(config, stack.sidecar()));
            stack.prepare(config);
            ReelflowServices services = stack.services();
            ReferenceSidecarServer sidecar = stack.sidecar();
            try (LocalStack.RunningJob job =
                            stack.startJob(config, parallelism, "Reelflow burst benchmark");
                    ResultCollector collector =
                            new ResultCollector(
                                    services.kafkaBootstrapServers(),
                                    config.get(KafkaOptions.RESULTS_TOPIC))) {
                JobProbe probe = job.probe();
                collector.start();
                MemorySamples memory = new MemorySamples();
                String[] ids = new String[requests];
                long[] published = new long[requests];
                AtomicReference<Map<String, Object>> lastCheckpoints =
                        new AtomicReference<>(Map.of());
                Runnable sample =
                        () -> {
                            Map<String, Object> progress = new LinkedHashMap<>();
                            progress.put("results", collector.distinct());
                            progress.putAll(sidecarGauges(sidecar));
                            Map<String, Object> checkpoints = probe.checkpointCounts();
                            if (!checkpoints.isEmpty()) {
                                lastCheckpoints.set(checkpoints);
                            }
                            progress.putAll(checkpoints);
                            Map<String, String> load = probe.vertexLoad();
                            progress.put("busyAndBackPressuredMsPerSecond", load);
                            MemorySamples.Sample s = memory.sample(progress);
                            System.out.printf(
                                    "%7.1f s  results %5d/%d  heap %5d MB (after GC %5d)"
                                            + "  RSS %5d MB  %s  %s%n",
                                    s.seconds(),
                                    collector.distinct(),
                                    requests,
                                    s.heapUsedMb(),
                                    s.heapAfterLastGcMb(),
                                    s.rssMb(),
                                    checkpoints,
                                    load);
                        };
                sample.run();
                long liveBefore = MemorySamples.liveHeapMb();
                long cpuBefore = MemorySamples.processCpuNanos();
                publish(services.kafkaBootstrapServers(), config, ids, published);
                Map<String, Object> outcome = awaitResults(job.client(), collector, sample);
                long cpu = MemorySamples.processCpuNanos() - cpuBefore;
                // PostgreSQL, a separate process, is not counted.
                outcome.put(
                        "jvmCpuSecondsPerCommittedResult",
                        collector.distinct() == 0
                                ? null
                                : Math.round(cpu / 1e7 / collector.distinct()) / 100.0);
                // Let the sinks finish the last checkpoint's rows before counting them.
                Thread.sleep(config.get(PipelineOptions.CHECKPOINT_INTERVAL).toMillis() * 2);
                sample.run();
                result.put("outcome", outcome);
                result.putAll(BurstFigures.of(published, ids, collector.results()));
                result.put("resultRecordsRead", collector.records());
                result.put("duplicateResultRecords", collector.records() - collector.distinct());
                result.put("unreadableResultRecords", collector.unreadable());
                result.put(
                        "deadLetters",
                        countRecords(
                                services.kafkaBootstrapServers(),
                                config.get(KafkaOptions.DEAD_LETTER_TOPIC)));
                result.put("postgresStatusCounts", postgresStatusCounts(services));
                Map<String, Object> memorySummary = new LinkedHashMap<>(memory.summary());
                // What a full collection keeps, before the burst and after it drained: the heap the
                // burst left behind (dedup entries, the benchmark's own results, the fake's jobs).
                memorySummary.put("liveHeapMbBeforeBurst", liveBefore);
                memorySummary.put("liveHeapMbAfterBurst", MemorySamples.liveHeapMb());
                result.put("memory", memorySummary);
                result.put("checkpoints", probe.checkpointSummary());
                result.put("sidecar", stack.sidecarTotals());
                result.put("samples", memory.all());
            }
        }
        return result;
    }

    /** The job's settings that shape the burst, for the JSON (no secrets). */
    private Map<String, Object> describe(Configuration config, ReferenceSidecarServer sidecar) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("parallelism", parallelism);
        described.put("sidecar", sidecar.options().toString());
        described.put("pollMillis", poll.toMillis());
        described.put("job", LocalStack.describe(config));
        return described;
    }

    /** Sends every request at once; {@code publishedAt[i]} is when Kafka acknowledged it. */
    private void publish(
            String bootstrapServers, Configuration config, String[] ids, long[] publishedAt)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String topic = config.get(KafkaOptions.REQUESTS_TOPIC);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < requests; i++) {
                var request = shape.request(i);
                ids[i] = request.getRequestId().toString();
                int index = i;
                producer.send(
                        new ProducerRecord<>(topic, ids[i], VideoRequestCodec.toJson(request)),
                        (metadata, error) -> {
                            publishedAt[index] = System.currentTimeMillis();
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the burst failed", failure.get());
        }
        System.out.printf("published %d requests (%s)%n", requests, shape.describe());
    }

    /**
     * Samples until every request has a committed result, the job stops, no result arrives for
     * {@code --stall-minutes}, or {@code --timeout-minutes} pass.
     */
    private Map<String, Object> awaitResults(
            JobClient job, ResultCollector collector, Runnable sample) throws Exception {
        long start = System.nanoTime();
        long until = start + timeout.toNanos();
        long nextSample = start + samplePeriod.toNanos();
        int lastCount = 0;
        long lastProgress = start;
        String ending = "timeout";
        while (System.nanoTime() < until) {
            int count = collector.distinct();
            long now = System.nanoTime();
            if (count > lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            if (count >= requests) {
                ending = "allCommitted";
                break;
            }
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                ending = "jobStopped: " + job.getJobStatus().get();
                break;
            }
            if (collector.failure() != null) {
                ending = "resultConsumerFailed: " + collector.failure();
                break;
            }
            if (now - lastProgress > stall.toNanos()) {
                ending = "stalled";
                break;
            }
            if (now >= nextSample) {
                sample.run();
                nextSample += samplePeriod.toNanos();
            }
            Thread.sleep(200);
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("ending", ending);
        outcome.put("waitedSeconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        outcome.put("jobStatus", job.getJobStatus().get().toString());
        return outcome;
    }

    private static Map<String, Object> sidecarGauges(ReferenceSidecarServer sidecar) {
        Map<String, Object> stats = sidecar.stats();
        Map<String, Object> gauges = new LinkedHashMap<>();
        gauges.put("sidecarRunning", stats.get("running"));
        gauges.put("sidecarQueued", stats.get("queued"));
        gauges.put("sidecarCompleted", stats.get("completed"));
        return gauges;
    }

    /** Rows of {@code video_results} for the burst's run, per status: what the JDBC sink wrote. */
    private static Map<String, Long> postgresStatusCounts(ReelflowServices services)
            throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection =
                        DriverManager.getConnection(
                                services.jdbcUrl(), services.jdbcUser(), services.jdbcPassword());
                PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT status, count(*) FROM video_results WHERE run_id = ?"
                                        + " GROUP BY status")) {
            statement.setString(1, RUN_ID);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Committed records on {@code topic} (read_committed end offsets). */
    private static long countRecords(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // The dead-letter sink is not transactional, so offsets count records.
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }
}
