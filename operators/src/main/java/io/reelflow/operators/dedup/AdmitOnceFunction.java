package io.reelflow.operators.dedup;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.status.StatusEvents;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.SeenRequest;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by request id, the one place that speaks for admission: the first record of an id is
 * answered (RECEIVED and forwarded, or a REJECTED result and its dead letter); every later one gets
 * a DUPLICATE status, plus a dead letter when its content differs ({@link FirstSeen}). An accepted
 * first record also goes to {@link SideOutputs#ACCEPTED}, for the requests archive. Ids are
 * remembered for a TTL so state stays bounded.
 */
public class AdmitOnceFunction extends KeyedProcessFunction<String, Admission, AcceptedRequest> {
    private final String runId;
    private final Duration rememberFor;
    private final Clock clock;

    private transient FirstSeen rules;
    private transient ValueState<SeenRequest> seen;
    private transient Counter duplicates;

    public AdmitOnceFunction(String runId, Duration rememberFor, Clock clock) {
        this.runId = runId;
        this.rememberFor = rememberFor;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        rules = new FirstSeen(runId);
        ValueStateDescriptor<SeenRequest> descriptor =
                new ValueStateDescriptor<>(
                        "first-admission", TypeInformation.of(SeenRequest.class));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(rememberFor)
                        .updateTtlOnCreateAndWrite()
                        .neverReturnExpired()
                        .build());
        seen = getRuntimeContext().getState(descriptor);
        duplicates = ReelflowMetrics.group(getRuntimeContext()).counter("duplicateRequests");
    }

    @Override
    public void processElement(Admission admission, Context ctx, Collector<AcceptedRequest> out)
            throws Exception {
        SeenRequest first = seen.value();
        if (first != null) {
            duplicates.inc();
            ctx.output(SideOutputs.STATUS, rules.duplicate(first, admission, clock.instant()));
            Admission letter = rules.differentContent(first, admission, clock.instant());
            if (letter != null) {
                ctx.output(SideOutputs.REFUSED, letter);
            }
            return;
        }
        seen.update(FirstSeen.remember(admission));
        if (admission.getAccepted() != null) {
            out.collect(admission.getAccepted());
            ctx.output(SideOutputs.ACCEPTED, admission);
            ctx.output(
                    SideOutputs.STATUS,
                    StatusEvents.received(
                            admission.getAccepted(),
                            admission.getNote(),
                            admission.getReceivedAt()));
        } else {
            ctx.output(
                    SideOutputs.EARLY_RESULTS,
                    StatusEvents.rejected(
                            admission.getDeadLetter(), runId, admission.getCallbackUrl()));
            ctx.output(SideOutputs.REFUSED, admission);
        }
    }
}
