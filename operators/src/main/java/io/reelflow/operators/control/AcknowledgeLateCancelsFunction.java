package io.reelflow.operators.control;

import io.reelflow.operators.status.StatusEvents;
import io.reelflow.schemas.CancelledRequest;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.ResultStatus;
import io.reelflow.schemas.StatusEvent;
import io.reelflow.schemas.VideoResult;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Answers a CANCEL that came too late (keyed by request id; results on input 1, commands on input
 * 2): when the request has finished, or finishes other than CANCELLED after the command (it was
 * past the last gate), the request's terminal status event is sent again with a message saying the
 * cancel changed nothing. Both states expire with the cancel TTL.
 */
public class AcknowledgeLateCancelsFunction
        extends KeyedCoProcessFunction<String, VideoResult, ControlCommand, StatusEvent> {
    private final String runId;
    private final Duration ttl;
    private final Clock clock;

    private transient ValueState<StatusEvent> finished;
    private transient ValueState<CancelledRequest> pending;

    public AcknowledgeLateCancelsFunction(String runId, Duration ttl, Clock clock) {
        this.runId = runId;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        finished = getRuntimeContext().getState(expiring("finished", StatusEvent.class));
        pending = getRuntimeContext().getState(expiring("pending-cancel", CancelledRequest.class));
    }

    @Override
    public void processElement1(VideoResult result, Context ctx, Collector<StatusEvent> out)
            throws Exception {
        StatusEvent terminal = StatusEvents.finished(result);
        finished.update(terminal);
        CancelledRequest waiting = pending.value();
        pending.clear();
        if (waiting != null && result.getStatus() != ResultStatus.CANCELLED) {
            out.collect(StatusEvents.cancelIgnored(terminal, waiting.getCommand()));
        }
    }

    @Override
    public void processElement2(ControlCommand command, Context ctx, Collector<StatusEvent> out)
            throws Exception {
        if (!Cancellations.appliesTo(command, runId)) {
            return;
        }
        StatusEvent terminal = finished.value();
        if (terminal != null) {
            out.collect(StatusEvents.cancelIgnored(terminal, command));
        } else {
            pending.update(
                    CancelledRequest.newBuilder()
                            .setCommand(command)
                            .setReceivedAt(clock.instant())
                            .build());
        }
    }

    private <V> ValueStateDescriptor<V> expiring(String name, Class<V> type) {
        ValueStateDescriptor<V> descriptor =
                new ValueStateDescriptor<>(name, TypeInformation.of(type));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(ttl)
                        .updateTtlOnCreateAndWrite()
                        .neverReturnExpired()
                        .build());
        return descriptor;
    }
}
