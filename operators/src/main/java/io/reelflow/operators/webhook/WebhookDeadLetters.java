package io.reelflow.operators.webhook;

import io.reelflow.operators.common.ReelflowMetrics;
import io.reelflow.schemas.DeadLetter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;

/**
 * Turns each delivery that ended undelivered into a dead letter (stage {@code webhook}); counts
 * deliveries ({@code reelflow.webhooksDelivered}) and failures ({@code reelflow.webhooksFailed}).
 */
public class WebhookDeadLetters extends RichFlatMapFunction<WebhookOutcome, DeadLetter> {
    private transient Counter delivered;
    private transient Counter failed;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup reelflow = ReelflowMetrics.group(getRuntimeContext());
        delivered = reelflow.counter("webhooksDelivered");
        failed = reelflow.counter("webhooksFailed");
    }

    @Override
    public void flatMap(WebhookOutcome outcome, Collector<DeadLetter> out) {
        if (outcome.state() == WebhookOutcome.State.DELIVERED) {
            delivered.inc();
            return;
        }
        failed.inc();
        out.collect(WebhookDeliveries.deadLetter(outcome));
    }
}
