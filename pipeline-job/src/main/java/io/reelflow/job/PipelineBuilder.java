package io.reelflow.job;

import io.reelflow.operators.asset.RetrieveAssetsFunction;
import io.reelflow.operators.common.BlockingAsyncFunction;
import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.control.AcknowledgeLateCancelsFunction;
import io.reelflow.operators.control.CancelGateFunction;
import io.reelflow.operators.control.CancelScenesFunction;
import io.reelflow.operators.control.CancelState;
import io.reelflow.operators.control.ParseControlFunction;
import io.reelflow.operators.dedup.AdmitOnceFunction;
import io.reelflow.operators.gather.GatherScenesFunction;
import io.reelflow.operators.generation.GenerateClipFunction;
import io.reelflow.operators.narration.NarrateFunction;
import io.reelflow.operators.plan.PlanScenesFunction;
import io.reelflow.operators.plan.SplitIntoScenesFunction;
import io.reelflow.operators.quality.RepairScenesFunction;
import io.reelflow.operators.quality.ScoreQualityFunction;
import io.reelflow.operators.render.RenderVideoFunction;
import io.reelflow.operators.request.ParseRequestFunction;
import io.reelflow.operators.request.StorePayloadFunction;
import io.reelflow.operators.status.CountResultsFunction;
import io.reelflow.operators.status.FinalStatusFunction;
import io.reelflow.operators.status.PlannedStatusFunction;
import io.reelflow.operators.status.RenderedStatusFunction;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderedVideo;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.SceneWork;
import io.reelflow.schemas.ScoredVideo;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Builds the whole Reelflow topology, in one place, from the streams of raw requests and raw
 * control commands to the streams the sinks write: results, status events and dead letters. Sources
 * and sinks are the caller's, so tests drive the same topology the job runs.
 *
 * <p>CANCEL commands are broadcast to three gates where work is spent: before planning, before
 * generation (which also cancels the request's jobs in flight) and before rendering, so a cancelled
 * request ends with one CANCELLED result and no video is uploaded for it.
 *
 * <pre>{@code
 * PipelineBuilder.Outputs out =
 *         new PipelineBuilder(settings, ports, Clock.systemUTC()).build(raw, control);
 * }</pre>
 */
public final class PipelineBuilder {
    /**
     * The generation operator's uid: it heads a vertex of its own, the one the Kubernetes
     * autoscaler leaves alone (GPU pods are not scaled like CPU stages).
     */
    public static final String GENERATION_UID = "generate-clips";

    /** Language detection, scene analysis and (when configured) the model planner's own timeout. */
    private static final java.time.Duration PLAN_TIMEOUT = java.time.Duration.ofMinutes(1);

    /** Storing one refused value (at most a Kafka record) in the object store. */
    private static final java.time.Duration DEAD_LETTER_STORE_TIMEOUT =
            java.time.Duration.ofMinutes(1);

    private final PipelineSettings settings;
    private final PipelinePorts ports;
    private final Clock clock;

    public PipelineBuilder(PipelineSettings settings, PipelinePorts ports, Clock clock) {
        this.settings = settings;
        this.ports = ports;
        this.clock = clock;
    }

    /**
     * What the pipeline produces; {@code accepted} are the admissions of accepted requests, each id
     * once, with the record's value, for the requests archive.
     */
    public record Outputs(
            DataStream<VideoResult> results,
            DataStream<StatusEvent> status,
            DataStream<DeadLetter> deadLetters,
            DataStream<Admission> accepted) {}

    public Outputs build(DataStream<RawRequest> rawRequests, DataStream<RawRequest> rawControl) {
        AvroClassTrust.install();

        SingleOutputStreamOperator<ControlCommand> commands =
                rawControl
                        .process(new ParseControlFunction(clock))
                        .uid("parse-control")
                        .name("Parse control commands");
        BroadcastStream<ControlCommand> cancels = commands.broadcast(CancelState.DESCRIPTOR);

        SingleOutputStreamOperator<Admission> admissions =
                rawRequests
                        .process(
                                new ParseRequestFunction(
                                        settings.requestRules(), settings.runId(), clock))
                        .uid("parse-requests")
                        .name("Parse + validate requests");

        // Nothing is said about a record until its id is known to be new: a re-send never
        // overwrites a result.
        SingleOutputStreamOperator<AcceptedRequest> firstSeen =
                admissions
                        .keyBy(Admission::getRequestId)
                        .process(
                                new AdmitOnceFunction(settings.runId(), settings.dedupTtl(), clock))
                        .uid("deduplicate")
                        .name("Admit each request id once");

        int prefixBytes = settings.requestRules().limits().deadLetterPrefixBytes();
        // A refused value in flight may be a whole Kafka record (up to 1 MB): a small queue keeps
        // that memory bounded.
        SingleOutputStreamOperator<DeadLetter> deadLetters =
                async(
                                firstSeen
                                        .getSideOutput(SideOutputs.REFUSED)
                                        .union(
                                                admissions.getSideOutput(SideOutputs.REFUSED),
                                                commands.getSideOutput(SideOutputs.REFUSED)),
                                new StorePayloadFunction(ports.objectStore(), prefixBytes, 2, 16),
                                DEAD_LETTER_STORE_TIMEOUT)
                        .uid("store-dead-letter-payloads")
                        .name("Dead letters (large values to S3)");

        // A request cancelled before it arrived (or while it was admitted) never starts.
        SingleOutputStreamOperator<AcceptedRequest> admitted =
                firstSeen
                        .connect(cancels)
                        .process(
                                CancelGateFunction.beforePlanning(settings.cancelTtl(), clock),
                                firstSeen.getType())
                        .uid("cancel-before-planning")
                        .name("Cancel gate: before planning");

        SingleOutputStreamOperator<ScenePlan> plans =
                async(
                                admitted,
                                new PlanScenesFunction(
                                        settings.language(),
                                        settings.scenes(),
                                        ports.scenePlanner(),
                                        ports.translator(),
                                        ports.objectStore(),
                                        settings.promptLimit(),
                                        settings.promptCacheSize(),
                                        settings.render().fonts(),
                                        settings.planThreads(),
                                        settings.planThreads() * 4),
                                PLAN_TIMEOUT)
                        .uid("plan-scenes")
                        .name("Detect language + analyse scenes");

        // Speech sets the timing of narrated plans, so it comes before anything uses the scenes'
        // times; other plans pass through unchanged.
        SingleOutputStreamOperator<ScenePlan> narrated =
                async(
                                plans,
                                new NarrateFunction(
                                        settings.narration(),
                                        settings.scenes(),
                                        ports.speechClient(),
                                        ports.objectStore(),
                                        settings.narrationThreads(),
                                        settings.narrationThreads() * 4),
                                settings.narrationTimeout())
                        .uid("narrate")
                        .name("Narrate (speech sidecar)");

        // Retrieval sees the whole plan, so no stock asset is used twice in one video; the index
        // is in memory (shared per task manager), so it runs on the task thread.
        SingleOutputStreamOperator<ScenePlan> plansWithAssets =
                narrated.map(new RetrieveAssetsFunction(ports.assetCatalog(), settings.assets()))
                        .uid("retrieve-plan-assets")
                        .name("Retrieve stock assets + music");

        DataStream<SceneTask> tasks =
                plansWithAssets
                        .flatMap(new SplitIntoScenesFunction())
                        .uid("split-scenes")
                        .name("Split into scenes")
                        // Scenes of one request are generated in parallel across subtasks.
                        .rebalance();

        // Each gate subtask feeds its generation subtask one to one, so a CANCEL it passes on
        // reaches the subtask holding the scenes it let through.
        SingleOutputStreamOperator<SceneWork> sceneWork =
                tasks.connect(cancels)
                        .process(new CancelScenesFunction(settings.cancelTtl(), clock))
                        .uid("cancel-before-generation")
                        .name("Cancel gate: before generation");

        SingleOutputStreamOperator<SceneClip> clips =
                AsyncDataStream.unorderedWait(
                                sceneWork,
                                new GenerateClipFunction(
                                        ports.generationClient(),
                                        ports.jobRegistry(),
                                        ports.objectStore(),
                                        settings.generation()),
                                settings.generation().operatorTimeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                settings.generation().capacity())
                        .uid(GENERATION_UID)
                        .name("Generate clips (model servers)")
                        // Its own vertex (not chained to the gate): the autoscaler excludes it by
                        // the vertex id, which is the chain head's.
                        .startNewChain();

        SingleOutputStreamOperator<RenderJob> renderJobs =
                plansWithAssets
                        .keyBy(ScenePlan::getRequestId)
                        .connect(
                                clips.union(
                                                sceneWork.getSideOutput(
                                                        CancelScenesFunction.CANCELLED_SCENES))
                                        .keyBy(SceneClip::getRequestId))
                        .process(new GatherScenesFunction(settings.gatherTimeout()))
                        .uid("gather-scenes")
                        .name("Gather scenes by request");

        // The last gate: no video of a cancelled request is rendered or uploaded.
        SingleOutputStreamOperator<RenderJob> toRender =
                renderJobs
                        .connect(cancels)
                        .process(
                                CancelGateFunction.beforeRendering(settings.cancelTtl(), clock),
                                renderJobs.getType())
                        .uid("cancel-before-rendering")
                        .name("Cancel gate: before rendering");

        int renderCapacity = settings.sizing().renderCapacity();
        SingleOutputStreamOperator<RenderedVideo> rendered =
                async(
                                toRender,
                                new RenderVideoFunction(
                                        ports.objectStore(),
                                        settings.render(),
                                        settings.renderThreads(),
                                        renderCapacity),
                                settings.renderTimeout())
                        .uid("render-videos")
                        .name("Render videos (FFmpeg)");

        SingleOutputStreamOperator<ScoredVideo> scored =
                async(
                                rendered,
                                new ScoreQualityFunction(
                                        ports.objectStore(),
                                        settings.scorer(),
                                        settings.renderThreads(),
                                        renderCapacity),
                                settings.renderTimeout())
                        .uid("score-quality")
                        .name("Score quality");

        // A video whose scenes failed for want of a better picture is rendered and scored once
        // more with the next-best assets: one render and one scoring, hence twice the timeout.
        SingleOutputStreamOperator<VideoResult> repaired =
                async(
                                scored,
                                new RepairScenesFunction(
                                        ports.objectStore(),
                                        settings.render(),
                                        settings.scorer(),
                                        clock,
                                        settings.renderThreads(),
                                        renderCapacity),
                                settings.renderTimeout().multipliedBy(2))
                        .uid("repair-scenes")
                        .name("Repair failed scenes (re-render once)");

        DataStream<VideoResult> results =
                repaired.union(
                                firstSeen.getSideOutput(SideOutputs.EARLY_RESULTS),
                                admitted.getSideOutput(SideOutputs.EARLY_RESULTS),
                                renderJobs.getSideOutput(SideOutputs.EARLY_RESULTS),
                                toRender.getSideOutput(SideOutputs.EARLY_RESULTS))
                        .map(new CountResultsFunction())
                        .uid("count-results")
                        .name("Count results by status");

        // A cancel that came after the request finished (or after its last gate) is answered, and
        // changes nothing.
        SingleOutputStreamOperator<StatusEvent> lateCancels =
                results.keyBy(VideoResult::getRequestId)
                        .connect(commands.keyBy(ControlCommand::getRequestId))
                        .process(
                                new AcknowledgeLateCancelsFunction(
                                        settings.runId(), settings.cancelTtl(), clock))
                        .uid("acknowledge-late-cancels")
                        .name("Status: cancels after the result");

        DataStream<StatusEvent> status =
                firstSeen
                        .getSideOutput(SideOutputs.STATUS)
                        .union(
                                narrated.flatMap(new PlannedStatusFunction(clock))
                                        .uid("status-planned")
                                        .name("Status: planned"),
                                renderJobs.getSideOutput(SideOutputs.STATUS),
                                rendered.map(new RenderedStatusFunction(clock))
                                        .uid("status-rendered")
                                        .name("Status: rendered"),
                                results.map(new FinalStatusFunction())
                                        .uid("status-final")
                                        .name("Status: final"),
                                lateCancels);

        return new Outputs(
                results, status, deadLetters, firstSeen.getSideOutput(SideOutputs.ACCEPTED));
    }

    /** Async I/O over a blocking function's own pool, as many in flight as the pool queues. */
    private static <I, O> SingleOutputStreamOperator<O> async(
            DataStream<I> input, BlockingAsyncFunction<I, O> function, java.time.Duration timeout) {
        return AsyncDataStream.unorderedWait(
                input, function, timeout.toMillis(), TimeUnit.MILLISECONDS, function.capacity());
    }
}
