package io.reelflow.operators.port;

import java.io.IOException;

/**
 * A callback URL that may not be called: not http(s), no host, or a host whose addresses the
 * allow-list refuses. Thrown before any connection is made; trying again would not help.
 */
public class WebhookRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public WebhookRefusedException(String message) {
        super(message);
    }
}
