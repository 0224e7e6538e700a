package io.reelflow.connectors.webhook;

import io.reelflow.connectors.internal.http.BearerToken;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How results are POSTed: the signing secret's source, the address policy, the timeout of one
 * attempt and the {@code User-Agent}. The secret is either given (it then travels in the job graph)
 * or read on the task manager from an environment variable or a mounted file; it is never part of a
 * message or {@link #toString()}.
 */
public final class WebhookSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String USER_AGENT = "Reelflow-Webhooks/1";

    private final String secret;
    private final BearerToken secretSource;
    private final CallbackAddressPolicy policy;
    private final Duration attemptTimeout;

    private WebhookSettings(
            String secret,
            BearerToken secretSource,
            CallbackAddressPolicy policy,
            Duration attemptTimeout) {
        this.secret = secret;
        this.secretSource = secretSource;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("webhook attempt-timeout must be positive");
        }
    }

    /** Signs with {@code secret}. */
    public static WebhookSettings withSecret(
            String secret, CallbackAddressPolicy policy, Duration attemptTimeout) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        return new WebhookSettings(secret, null, policy, attemptTimeout);
    }

    /** Signs with the secret read, on the task manager, from an environment variable or a file. */
    public static WebhookSettings withSecretFrom(
            String environmentVariable,
            String file,
            CallbackAddressPolicy policy,
            Duration attemptTimeout) {
        BearerToken source = BearerToken.of(environmentVariable, file);
        if (source == BearerToken.none()) {
            throw new IllegalArgumentException("name the webhook secret's variable or file");
        }
        return new WebhookSettings(null, source, policy, attemptTimeout);
    }

    /** The secret's bytes, read now (a rotated file is picked up). */
    byte[] secret() throws IOException {
        String value =
                secret != null
                        ? secret
                        : secretSource
                                .read()
                                .orElseThrow(() -> new IOException("no webhook secret"));
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public CallbackAddressPolicy policy() {
        return policy;
    }

    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    @Override
    public String toString() {
        return "WebhookSettings[secret="
                + (secret != null ? "(given)" : secretSource)
                + ", policy="
                + policy
                + ", attemptTimeout="
                + attemptTimeout
                + "]";
    }
}
