package io.reelflow.operators.status;

import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.StatusEvent;
import java.time.Clock;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Reports a plan as two phases: language detected (with confidence) and scenes planned. */
public class PlannedStatusFunction implements FlatMapFunction<ScenePlan, StatusEvent> {
    private final Clock clock;

    public PlannedStatusFunction(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void flatMap(ScenePlan plan, Collector<StatusEvent> out) {
        StatusEvents.planned(plan, clock.instant()).forEach(out::collect);
    }
}
