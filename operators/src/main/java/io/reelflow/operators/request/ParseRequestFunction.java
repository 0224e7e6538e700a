package io.reelflow.operators.request;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.operators.common.SideOutputs;
import io.reelflow.schemas.Admission;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses and validates raw Kafka records into {@link Admission}s. Those with a request id go on, to
 * be keyed and deduplicated before anything is said about them; refused records without any usable
 * id go to the {@link SideOutputs#REFUSED} side output (they become dead letters keyed by their
 * Kafka key). Bad input never stops the job.
 */
public class ParseRequestFunction extends ProcessFunction<RawRequest, Admission> {
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
        rejected = ReelflowMetrics.group(getRuntimeContext()).counter("requestsRejected");
    }

    @Override
    public void processElement(RawRequest raw, Context ctx, Collector<Admission> out) {
        Admission admission = validator.validate(raw, clock.instant());
        if (admission.getDeadLetter() != null) {
            rejected.inc();
        }
        if (admission.getRequestId() == null) {
            ctx.output(SideOutputs.REFUSED, admission);
        } else {
            out.collect(admission);
        }
    }
}
