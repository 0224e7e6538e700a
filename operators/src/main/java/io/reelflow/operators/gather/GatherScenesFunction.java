package io.reelflow.operators.gather;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.status.StatusEvents;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.SceneClip;
import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gathers the clips of a request (keyed by request id) against its plan and emits one {@link
 * RenderJob} when every scene has arrived, in whichever order plan and clips come. A
 * processing-time timer, set when the plan arrives (when generation of its scenes starts) and
 * renewed by every clip, fails the request if no scene arrives for {@code timeout}. State and timer
 * are cleared either way. {@link SceneGathering#requireTimeoutCovers} checks that the timeout
 * outlasts the generation stage's own.
 */
public class GatherScenesFunction
        extends KeyedCoProcessFunction<String, ScenePlan, SceneClip, RenderJob> {
    private final Duration timeout;

    private transient ValueState<ScenePlan> plan;
    private transient MapState<Integer, SceneClip> clips;
    private transient ValueState<Long> deadline;

    public GatherScenesFunction(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        plan =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "plan", TypeInformation.of(ScenePlan.class)));
        clips =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "clips", Types.INT, TypeInformation.of(SceneClip.class)));
        deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
    }

    @Override
    public void processElement1(ScenePlan value, Context ctx, Collector<RenderJob> out)
            throws Exception {
        plan.update(value);
        armDeadline(ctx);
        emitIfComplete(ctx, out);
    }

    @Override
    public void processElement2(SceneClip value, Context ctx, Collector<RenderJob> out)
            throws Exception {
        clips.put(value.getScene().getIndex(), value);
        // Each clip renews the deadline: a request whose scenes keep arriving is progressing (its
        // other scenes are queued or generating), and a clip ahead of its plan must not stay
        // forever.
        armDeadline(ctx);
        emitIfComplete(ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RenderJob> out)
            throws Exception {
        ScenePlan current = plan.value();
        if (current == null) {
            clear(ctx);
            return;
        }
        VideoResult failed =
                SceneGathering.timedOut(current, gathered(), Instant.ofEpochMilli(timestamp));
        ctx.output(SideOutputs.EARLY_RESULTS, failed);
        clear(ctx);
    }

    /** Replaces the armed timer (if any) with one {@code timeout} from now. */
    private void armDeadline(Context ctx) throws Exception {
        Long armed = deadline.value();
        if (armed != null) {
            ctx.timerService().deleteProcessingTimeTimer(armed);
        }
        long at = ctx.timerService().currentProcessingTime() + timeout.toMillis();
        ctx.timerService().registerProcessingTimeTimer(at);
        deadline.update(at);
    }

    private void emitIfComplete(Context ctx, Collector<RenderJob> out) throws Exception {
        ScenePlan current = plan.value();
        if (current == null) {
            return;
        }
        List<SceneClip> gathered = gathered();
        if (!SceneGathering.isComplete(current, gathered)) {
            return;
        }
        RenderJob job = SceneGathering.renderJob(current, gathered);
        out.collect(job);
        ctx.output(
                SideOutputs.STATUS,
                StatusEvents.clipsReady(
                        job, Instant.ofEpochMilli(ctx.timerService().currentProcessingTime())));
        clear(ctx);
    }

    private List<SceneClip> gathered() throws Exception {
        List<SceneClip> all = new ArrayList<>();
        clips.values().forEach(all::add);
        return all;
    }

    private void clear(Context ctx) throws Exception {
        Long at = deadline.value();
        if (at != null) {
            ctx.timerService().deleteProcessingTimeTimer(at);
        }
        plan.clear();
        clips.clear();
        deadline.clear();
    }
}
