package io.reelflow.job;

import io.reelflow.job.config.WebhookOptions;
import io.reelflow.operators.webhook.WebhookStage;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places the webhook stage on the guarded results, so what is POSTed is what the sinks store, and
 * adds its dead letters to the others. Without a signing secret it places nothing and says so once.
 */
final class Webhooks {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

    private Webhooks() {}

    static PipelineBuilder.Outputs deliver(PipelineBuilder.Outputs stored, ReadableConfig config) {
        Optional<WebhookOptions.Delivery> delivery = WebhookOptions.delivery(config);
        if (delivery.isEmpty()) {
            LOG.warn(
                    "Webhooks are off: no signing secret ({}, {} or {}); results with a"
                            + " callbackUrl are stored but not POSTed",
                    WebhookOptions.SECRET.key(),
                    WebhookOptions.SECRET_ENV.key(),
                    WebhookOptions.SECRET_FILE.key());
            return stored;
        }
        LOG.info("Webhooks are on: {}", delivery.get().summary());
        return new PipelineBuilder.Outputs(
                stored.results(),
                stored.status(),
                stored.deadLetters()
                        .union(
                                WebhookStage.deliver(
                                        stored.results(),
                                        delivery.get().senders(),
                                        delivery.get().config())),
                stored.accepted());
    }
}
