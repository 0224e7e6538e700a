package io.reelflow.operators.request;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.operators.status.StatusEvents;
import io.reelflow.schemas.AcceptedRequest;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses and validates raw Kafka records. Accepted requests go on; the rest go to the dead-letter
 * side output (and, when their id is readable, a REJECTED result), so bad input never stops the
 * job.
 */
public class ParseRequestFunction extends ProcessFunction<RawRequest, AcceptedRequest> {
    private final RequestRules rules;
    private final String runId;
    private final Clock clock;

    private transient RequestValidator validator;
    private transient Counter rejected;

    public ParseRequestFunction(RequestRules rules, String runId, Clock clock) {
        this.rules = rules;
        this.runId = runId;
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
        validator = new RequestValidator(rules, runId);
        rejected = getRuntimeContext().getMetricGroup().counter("requestsRejected");
    }

    @Override
    public void processElement(RawRequest raw, Context ctx, Collector<AcceptedRequest> out) {
        Instant now = clock.instant();
        RequestValidator.Outcome outcome = validator.validate(raw, now);
        if (outcome.isAccepted()) {
            out.collect(outcome.accepted());
            ctx.output(SideOutputs.STATUS, StatusEvents.received(outcome.accepted(), now));
            return;
        }
        rejected.inc();
        ctx.output(SideOutputs.DEAD_LETTERS, outcome.deadLetter());
        if (outcome.deadLetter().getRequestId() != null) {
            ctx.output(
                    SideOutputs.EARLY_RESULTS, StatusEvents.rejected(outcome.deadLetter(), runId));
        }
    }
}
