package io.reelflow.operators.port;

import java.io.Serializable;

/** Creates the {@link WebhookSender} of one task. */
@FunctionalInterface
public interface WebhookSenderFactory extends Serializable {
    WebhookSender create();
}
