package io.reelflow.job;

import io.reelflow.connectors.chat.ChatCompletions;
import io.reelflow.connectors.generation.GenerationClients;
import io.reelflow.connectors.jdbc.JdbcJobRegistry;
import io.reelflow.connectors.jdbc.ReelflowJdbc;
import io.reelflow.connectors.jdbc.SinkGuard;
import io.reelflow.connectors.kafka.ReelflowKafka;
import io.reelflow.connectors.s3.S3ObjectStore;
import io.reelflow.connectors.speech.SpeechClients;
import io.reelflow.job.config.GenerationOptions;
import io.reelflow.job.config.PipelineOptions;
import io.reelflow.job.config.ReplayOptions;
import io.reelflow.operators.generation.InMemoryJobRegistry;
import io.reelflow.operators.port.ObjectStoreFactory;
import io.reelflow.operators.request.CountDeadLettersFunction;
import io.reelflow.operators.request.RequestSelection;
import io.reelflow.operators.request.SelectRequestsFunction;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import java.time.Clock;
import java.util.Arrays;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reelflow job: Kafka requests (and operators' control commands) in; results, status and dead
 * letters out to Kafka and PostgreSQL; media in S3. {@code main} is what a cluster runs ({@code
 * flink run}, the operator's {@code job.args}): an optional {@code run} and {@code --key value}
 * options (see the README's configuration table). The {@code reelflow} commands (local, publish,
 * replay …) live in the {@code cli} module, which depends on this one and never the other way
 * round.
 */
public final class ReelflowJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReelflowJob.class);

    private ReelflowJob() {}

    public static void main(String[] args) throws Exception {
        execute(configurationOf(args));
    }

    /**
     * The options of {@code main}'s arguments; a leading {@code run} is accepted so that the
     * arguments of {@code reelflow run} work unchanged on a cluster.
     */
    static Configuration configurationOf(String[] args) {
        int first = args.length > 0 && "run".equals(args[0]) ? 1 : 0;
        // ParameterTool refuses anything that is not a --key (or -key) followed by its value.
        return Configuration.fromMap(
                ParameterTool.fromArgs(Arrays.copyOfRange(args, first, args.length)).toMap());
    }

    /** Defines the job with {@code config} and runs it until it ends (never, when unbounded). */
    public static void execute(Configuration config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        define(env, config);
        env.execute("Reelflow " + config.get(PipelineOptions.RUN_ID));
    }

    /**
     * Defines the whole job on {@code env} with real connectors; the caller executes it. Tests use
     * this with embedded servers, exactly as {@code run} and {@code local} do. The outputs returned
     * are what the sinks receive: cleaned by the sink guard, with its dead letters.
     */
    public static PipelineBuilder.Outputs define(
            StreamExecutionEnvironment env, ReadableConfig config) {
        ConnectorSettings connectors = ConnectorSettings.from(config);
        PipelineSettings settings = PipelineSettings.from(config, env.getConfiguration());
        settings.sizing().reasons().forEach(LOG::info);
        enableCheckpointing(env, config);

        ObjectStoreFactory store = S3ObjectStore.factory(connectors.storage());
        PipelinePorts ports =
                new PipelinePorts(
                        store,
                        new GenerationClients(),
                        config.get(GenerationOptions.REGISTRY) == GenerationOptions.Registry.JDBC
                                ? JdbcJobRegistry.factory(connectors.database())
                                : InMemoryJobRegistry.sharedFactory(),
                        connectors.assetCatalog(store),
                        new SpeechClients(),
                        ChatModelSettings.scenePlanner(config)
                                .map(ChatCompletions::scenePlanner)
                                .orElse(null),
                        ChatModelSettings.translator(config)
                                .map(ChatCompletions::translator)
                                .orElse(null));

        DataStream<RawRequest> requests = requests(env, config, connectors);

        DataStream<RawRequest> control =
                env.fromSource(
                                ReelflowKafka.controlSource(connectors.control()),
                                WatermarkStrategy.noWatermarks(),
                                "Kafka: " + connectors.control().topic())
                        .uid("kafka-control");

        PipelineBuilder.Outputs outputs =
                countDeadLetters(
                        Webhooks.deliver(
                                guarded(
                                        new PipelineBuilder(settings, ports, Clock.systemUTC())
                                                .build(requests, control)),
                                config));

        outputs.results()
                .sinkTo(ReelflowKafka.resultSink(connectors.results()))
                .uid("kafka-results")
                .name("Kafka: " + connectors.results().topic());
        outputs.status()
                .sinkTo(ReelflowKafka.statusSink(connectors.status()))
                .uid("kafka-status")
                .name("Kafka: " + connectors.status().topic());
        outputs.deadLetters()
                .sinkTo(ReelflowKafka.deadLetterSink(connectors.deadLetters()))
                .uid("kafka-dead-letters")
                .name("Kafka: " + connectors.deadLetters().topic());
        outputs.results()
                .sinkTo(ReelflowJdbc.resultsSink(connectors.database()))
                .uid("jdbc-video-results")
                .name("PostgreSQL: video_results");
        outputs.status()
                .sinkTo(ReelflowJdbc.statusSink(connectors.database()))
                .uid("jdbc-video-status")
                .name("PostgreSQL: video_status");
        if (config.get(ReplayOptions.ARCHIVE_REQUESTS)) {
            outputs.accepted()
                    .sinkTo(ReelflowJdbc.requestsArchiveSink(connectors.database()))
                    .uid("jdbc-requests-archive")
                    .name("PostgreSQL: requests_archive");
        }
        return outputs;
    }

    /**
     * The raw requests of this run: from Kafka, or (a replay) from the requests archive; only those
     * a replay's selection names, checked record by record behind the source's own bounds.
     */
    private static DataStream<RawRequest> requests(
            StreamExecutionEnvironment env, ReadableConfig config, ConnectorSettings connectors) {
        RequestSelection selection = ReplayOptions.selection(config);
        DataStream<RawRequest> requests;
        if (config.get(ReplayOptions.FROM) == ReplayOptions.RequestSource.ARCHIVE) {
            requests =
                    env.fromSource(
                                    ReelflowJdbc.archivedRequests(
                                            connectors.database(),
                                            selection.since().orElse(null),
                                            selection.until().orElse(null),
                                            selection.ids().orElse(null)),
                                    WatermarkStrategy.noWatermarks(),
                                    "PostgreSQL: requests_archive")
                            .uid("archived-requests");
        } else {
            requests =
                    env.fromSource(
                                    ReelflowKafka.requestSource(connectors.requests()),
                                    WatermarkStrategy.noWatermarks(),
                                    "Kafka: " + connectors.requests().topic())
                            .uid("kafka-requests");
        }
        if (selection.isAll()) {
            return requests;
        }
        return requests.filter(new SelectRequestsFunction(selection))
                .uid("select-requests")
                .name("Select requests: " + selection);
    }

    /**
     * Exactly-once checkpoints at the configured interval; fails when the result sink's transaction
     * timeout does not outlast the commit delay these checkpoint settings allow.
     */
    public static void enableCheckpointing(StreamExecutionEnvironment env, ReadableConfig config) {
        env.enableCheckpointing(
                config.get(PipelineOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        TransactionTimeoutCheck.of(env.getCheckpointConfig(), config).verify();
    }

    /**
     * Puts the sink guard in front of every result and status sink, Kafka and PostgreSQL alike, so
     * the topics and tables hold the same cleaned records; what a table would refuse joins the dead
     * letters, which are counted on their way out.
     */
    private static PipelineBuilder.Outputs guarded(PipelineBuilder.Outputs outputs) {
        SingleOutputStreamOperator<VideoResult> results =
                outputs.results()
                        .process(SinkGuard.videoResults())
                        .uid("guard-video-results")
                        .name("Guard: clean results, dead-letter what video_results refuses");
        SingleOutputStreamOperator<StatusEvent> status =
                outputs.status()
                        .process(SinkGuard.videoStatus())
                        .uid("guard-video-status")
                        .name("Guard: clean status, dead-letter what video_status refuses");
        return new PipelineBuilder.Outputs(
                results,
                status,
                outputs.deadLetters()
                        .union(
                                results.getSideOutput(SinkGuard.DEAD_LETTERS),
                                status.getSideOutput(SinkGuard.DEAD_LETTERS)),
                outputs.accepted());
    }

    /** Counts every dead letter by stage on its way to the topic, the sinks' and webhooks' too. */
    private static PipelineBuilder.Outputs countDeadLetters(PipelineBuilder.Outputs outputs) {
        return new PipelineBuilder.Outputs(
                outputs.results(),
                outputs.status(),
                outputs.deadLetters()
                        .map(new CountDeadLettersFunction())
                        .uid("count-dead-letters")
                        .name("Count dead letters by stage"),
                outputs.accepted());
    }
}
