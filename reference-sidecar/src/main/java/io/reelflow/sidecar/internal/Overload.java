package io.reelflow.sidecar.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * The answer when every slot is busy and the queue is full. None of the real servers read limits
 * their queue (they queue without bound); the fake refuses, so that clients meet 429 and {@code
 * Retry-After} as a hosted API or a gateway in front of the server would send them.
 */
final class Overload {

    static final String RETRY_AFTER_SECONDS = "1";

    private Overload() {}

    static void reject(HttpExchange exchange, SidecarContext context) throws IOException {
        context.stats().rejectedBusy();
        exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        Exchanges.sendOpenAiError(
                exchange,
                429,
                "busy: "
                        + context.options().slots()
                        + " jobs are running and "
                        + context.options().queueCapacity()
                        + " are waiting; retry later");
    }
}
