package io.reelflow.operators.port;

import java.io.IOException;

/**
 * POSTs a {@link Webhook}, once: retries are the caller's. Blocks; call it from a pool of its own.
 */
public interface WebhookSender extends AutoCloseable {

    /**
     * Makes one attempt and returns the HTTP status the receiver answered, whatever it is.
     *
     * @throws WebhookRefusedException when the target may not be called (scheme, host or address
     *     refused); nothing was sent, and no attempt will be
     * @throws IOException when there is no answer (connection, TLS, timeout)
     */
    int post(Webhook webhook) throws IOException;

    @Override
    void close();
}
