package io.reelflow.operators.control;

import io.reelflow.operators.generation.ClipGenerator;
import io.reelflow.operators.generation.GenerateClipFunction;
import io.reelflow.operators.status.VideoResults;
import io.reelflow.schemas.CancelledRequest;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.SceneTask;
import io.reelflow.schemas.SceneWork;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The gate before generation. A scene of a cancelled request is not submitted: it becomes a title
 * card on {@link #CANCELLED_SCENES}, so gathering completes at once (and the gate before rendering
 * ends the request). Every CANCEL also goes downstream in line with the scenes, as a {@link
 * SceneWork} without a task, so the generation subtask this gate feeds (one to one, same
 * parallelism) cancels the request's jobs in flight.
 */
public class CancelScenesFunction
        extends BroadcastProcessFunction<SceneTask, ControlCommand, SceneWork> {
    /** Scenes of cancelled requests, for the gather stage. */
    public static final OutputTag<SceneClip> CANCELLED_SCENES =
            new OutputTag<>("cancelled-scenes", TypeInformation.of(SceneClip.class));

    private final Cancellations rules;
    private final Clock clock;

    public CancelScenesFunction(Duration ttl, Clock clock) {
        this.rules = new Cancellations(ttl);
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
    }

    @Override
    public void processElement(SceneTask task, ReadOnlyContext ctx, Collector<SceneWork> out)
            throws Exception {
        Optional<CancelledRequest> cancelled =
                rules.find(
                        ctx.getBroadcastState(CancelState.DESCRIPTOR)::get,
                        task.getRequestId(),
                        task.getRunId(),
                        clock.instant());
        if (cancelled.isPresent()) {
            ctx.output(CANCELLED_SCENES, cancelledScene(task, cancelled.get().getCommand()));
        } else {
            out.collect(GenerateClipFunction.scene(task));
        }
    }

    @Override
    public void processBroadcastElement(
            ControlCommand command, Context ctx, Collector<SceneWork> out) throws Exception {
        rules.record(
                CancelState.store(ctx.getBroadcastState(CancelState.DESCRIPTOR)),
                command,
                clock.instant());
        out.collect(GenerateClipFunction.cancel(command));
    }

    /** The stand-in of a scene that will not be generated: a title card saying why. */
    public static SceneClip cancelledScene(SceneTask task, ControlCommand command) {
        return ClipGenerator.fallback(task, VideoResults.cancelledBy(command));
    }
}
