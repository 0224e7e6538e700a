package io.reelflow.operators.dedup;

import io.reelflow.schemas.AcceptedRequest;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets each request id through once per run (keyed by request id). Kafka redelivers after a restart
 * and producers retry, so without this a request would be rendered twice. The flag expires after a
 * TTL so state stays bounded.
 */
public class DeduplicateFunction
        extends KeyedProcessFunction<String, AcceptedRequest, AcceptedRequest> {
    private final Duration rememberFor;

    private transient ValueState<Boolean> seen;
    private transient Counter duplicates;

    public DeduplicateFunction(Duration rememberFor) {
        this.rememberFor = rememberFor;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor =
                new ValueStateDescriptor<>("seen", Types.BOOLEAN);
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(rememberFor)
                        .updateTtlOnCreateAndWrite()
                        .neverReturnExpired()
                        .build());
        seen = getRuntimeContext().getState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateRequests");
    }

    @Override
    public void processElement(AcceptedRequest request, Context ctx, Collector<AcceptedRequest> out)
            throws Exception {
        if (seen.value() != null) {
            duplicates.inc();
            return;
        }
        seen.update(true);
        out.collect(request);
    }
}
