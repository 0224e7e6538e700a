package io.reelflow.operators.plan;

import io.reelflow.schemas.ScenePlan;
import io.reelflow.schemas.SceneTask;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Scatters a plan into one {@link SceneTask} per scene. */
public class SplitIntoScenesFunction implements FlatMapFunction<ScenePlan, SceneTask> {
    @Override
    public void flatMap(ScenePlan plan, Collector<SceneTask> out) {
        ScenePlanner.tasksOf(plan).forEach(out::collect);
    }
}
