package io.reelflow.operators.control;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.status.VideoResults;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.CancelledRequest;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.RenderJob;
import io.reelflow.schemas.RenderSpec;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A gate in front of a stage that spends work on a whole request (planning, rendering and
 * uploading): a request cancelled by the broadcast control stream ends here with one CANCELLED
 * result on {@link SideOutputs#EARLY_RESULTS}; any other passes unchanged. Connect it to {@code
 * controls.broadcast(CancelState.DESCRIPTOR)}.
 */
public class CancelGateFunction<T> extends BroadcastProcessFunction<T, ControlCommand, T> {
    /** Where a gate finds the request and run of its records. */
    public interface Ids<T> extends Serializable {
        String requestId(T value);

        String runId(T value);

        RenderSpec spec(T value);
    }

    private final Ids<T> ids;
    private final Cancellations rules;
    private final Clock clock;

    public CancelGateFunction(Ids<T> ids, Duration ttl, Clock clock) {
        this.ids = ids;
        this.rules = new Cancellations(ttl);
        this.clock = clock;
    }

    /** The gate before planning: a request cancelled before it arrived never starts. */
    public static CancelGateFunction<AcceptedRequest> beforePlanning(Duration ttl, Clock clock) {
        return new CancelGateFunction<>(new RequestIds(), ttl, clock);
    }

    /** The gate before rendering: no video of a cancelled request is rendered or uploaded. */
    public static CancelGateFunction<RenderJob> beforeRendering(Duration ttl, Clock clock) {
        return new CancelGateFunction<>(new RenderJobIds(), ttl, clock);
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
    }

    @Override
    public void processElement(T value, ReadOnlyContext ctx, Collector<T> out) throws Exception {
        Instant now = clock.instant();
        String requestId = ids.requestId(value);
        String runId = ids.runId(value);
        Optional<CancelledRequest> cancelled =
                rules.find(
                        ctx.getBroadcastState(CancelState.DESCRIPTOR)::get, requestId, runId, now);
        if (cancelled.isPresent()) {
            ctx.output(
                    SideOutputs.EARLY_RESULTS,
                    VideoResults.cancelled(
                            requestId, runId, ids.spec(value), cancelled.get().getCommand(), now));
        } else {
            out.collect(value);
        }
    }

    @Override
    public void processBroadcastElement(ControlCommand command, Context ctx, Collector<T> out)
            throws Exception {
        rules.record(
                CancelState.store(ctx.getBroadcastState(CancelState.DESCRIPTOR)),
                command,
                clock.instant());
    }

    private static final class RequestIds implements Ids<AcceptedRequest> {
        private static final long serialVersionUID = 1L;

        @Override
        public String requestId(AcceptedRequest value) {
            return value.getRequest().getRequestId();
        }

        @Override
        public String runId(AcceptedRequest value) {
            return value.getRunId();
        }

        @Override
        public RenderSpec spec(AcceptedRequest value) {
            return value.getSpec();
        }
    }

    private static final class RenderJobIds implements Ids<RenderJob> {
        private static final long serialVersionUID = 1L;

        @Override
        public String requestId(RenderJob value) {
            return value.getRequestId();
        }

        @Override
        public String runId(RenderJob value) {
            return value.getRunId();
        }

        @Override
        public RenderSpec spec(RenderJob value) {
            return value.getSpec();
        }
    }
}
