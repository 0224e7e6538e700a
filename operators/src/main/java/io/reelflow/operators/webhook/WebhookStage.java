package io.reelflow.operators.webhook;

import io.reelflow.operators.port.WebhookSenderFactory;
import io.reelflow.schemas.DeadLetter;
import io.reelflow.schemas.VideoResult;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The webhook stage as one piece of topology: results with a callback URL are POSTed by {@link
 * DeliverWebhookFunction} under Flink's retry strategy, within {@link
 * WebhookConfig#maxTotalTime()}; what was not delivered comes back as dead letters. Place it after
 * the sinks' guard, so what is delivered is what is stored.
 *
 * <pre>{@code
 * DataStream<DeadLetter> undelivered = WebhookStage.deliver(guardedResults, senders, config);
 * }</pre>
 */
public final class WebhookStage {
    private WebhookStage() {}

    public static DataStream<DeadLetter> deliver(
            DataStream<VideoResult> results, WebhookSenderFactory senders, WebhookConfig config) {
        SingleOutputStreamOperator<WebhookOutcome> outcomes =
                AsyncDataStream.unorderedWaitWithRetry(
                                results,
                                new DeliverWebhookFunction(senders, config),
                                config.maxTotalTime().toMillis(),
                                TimeUnit.MILLISECONDS,
                                config.capacity(),
                                config.retryStrategy())
                        .returns(TypeInformation.of(WebhookOutcome.class))
                        .uid("deliver-webhooks")
                        .name("Webhooks: POST results to their callbackUrl");
        return outcomes.flatMap(new WebhookDeadLetters())
                .returns(TypeInformation.of(DeadLetter.class))
                .uid("webhook-dead-letters")
                .name("Webhooks: dead-letter what was not delivered");
    }
}
