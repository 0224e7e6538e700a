package io.reelflow.operators.request;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.schemas.DeadLetter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Passes every dead letter through on its way to the topic and counts it: {@code
 * reelflow.deadLetters} in all (registered at once, so it reads 0 before the first), and {@code
 * reelflow.stage.<stage>.deadLetters} by the stage that refused it ({@code parse}, {@code
 * validate}, {@code deduplicate}, {@code sink:<table>}). The stage is a label of few values; the
 * reason, free text, is not.
 */
public class CountDeadLettersFunction extends RichMapFunction<DeadLetter, DeadLetter> {
    private transient MetricGroup reelflow;
    private transient Counter all;
    private transient Map<String, Counter> byStage;

    @Override
    public void open(OpenContext openContext) {
        reelflow = ReelflowMetrics.group(getRuntimeContext());
        all = reelflow.counter("deadLetters");
        byStage = new ConcurrentHashMap<>();
    }

    @Override
    public DeadLetter map(DeadLetter letter) {
        all.inc();
        byStage.computeIfAbsent(
                        letter.getStage(),
                        stage -> reelflow.addGroup("stage", stage).counter("deadLetters"))
                .inc();
        return letter;
    }
}
