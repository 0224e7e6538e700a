package io.reelflow.operators.control;

import io.reelflow.operators.common.SideOutputs;
import io.reelflow.schemas.ControlCommand;
import io.reelflow.schemas.RawRequest;
import io.reelflow.schemas.codec.AvroClassTrust;
import java.time.Clock;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses the control topic's records into {@link ControlCommand}s ({@link ControlValidator});
 * malformed ones go to {@link SideOutputs#REFUSED}, to become dead letters like refused requests.
 */
public class ParseControlFunction extends ProcessFunction<RawRequest, ControlCommand> {
    private final Clock clock;

    public ParseControlFunction(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroClassTrust.install();
    }

    @Override
    public void processElement(RawRequest raw, Context ctx, Collector<ControlCommand> out) {
        ControlValidator.Decision decision = ControlValidator.validate(raw, clock.instant());
        if (decision.command() != null) {
            out.collect(decision.command());
        } else {
            ctx.output(SideOutputs.REFUSED, decision.refused());
        }
    }
}
