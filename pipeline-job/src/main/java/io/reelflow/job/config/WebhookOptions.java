package io.reelflow.job.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.reelflow.connectors.webhook.CallbackAddressPolicy;
import io.reelflow.connectors.webhook.HttpWebhookSender;
import io.reelflow.connectors.webhook.WebhookSettings;
import io.reelflow.operators.port.WebhookSenderFactory;
import io.reelflow.operators.webhook.WebhookConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Webhooks: results POSTed, signed, to their request's {@code callbackUrl}. Off while no signing
 * secret is configured. Flink hides the values of keys containing {@code secret} in its logs and
 * web UI; {@code secret-env} and {@code secret-file} keep the secret out of the job graph too.
 */
public final class WebhookOptions {

    private static final String PREFIX = "reelflow.webhook.";

    public static final ConfigOption<String> SECRET =
            key(PREFIX + "secret")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Shared secret that signs every delivery (X-Reelflow-Signature);"
                                    + " unset (and no secret-env or secret-file): webhooks are"
                                    + " off.");

    public static final ConfigOption<String> SECRET_ENV =
            key(PREFIX + "secret-env")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Environment variable holding the secret, read on the task"
                                    + " managers at each delivery.");

    public static final ConfigOption<String> SECRET_FILE =
            key(PREFIX + "secret-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File holding the secret (a mounted Kubernetes secret), read on the"
                                    + " task managers at each delivery.");

    public static final ConfigOption<List<String>> ALLOWED_HOSTS =
            key(PREFIX + "allowed-hosts")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription(
                            "Callback hosts (names or IP literals, as written in the URL) that may"
                                    + " resolve to loopback, private or link-local addresses;"
                                    + " local mode and tests list 127.0.0.1.");

    public static final ConfigOption<Boolean> ALLOW_PRIVATE_NETWORKS =
            key(PREFIX + "allow-private-networks")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Let every callback host reach private (RFC 1918, fc00::/7) and"
                                    + " shared (100.64.0.0/10) addresses; loopback and"
                                    + " link-local stay refused.");

    public static final ConfigOption<Integer> MAX_ATTEMPTS =
            key(PREFIX + "max-attempts")
                    .intType()
                    .defaultValue(WebhookConfig.DEFAULT.maxAttempts())
                    .withDescription("Attempts per result, the first one included.");

    public static final ConfigOption<Duration> INITIAL_BACKOFF =
            key(PREFIX + "initial-backoff")
                    .durationType()
                    .defaultValue(WebhookConfig.DEFAULT.initialBackoff())
                    .withDescription("Wait before the second attempt; doubles after each one.");

    public static final ConfigOption<Duration> MAX_BACKOFF =
            key(PREFIX + "max-backoff")
                    .durationType()
                    .defaultValue(WebhookConfig.DEFAULT.maxBackoff())
                    .withDescription("Longest wait between two attempts.");

    public static final ConfigOption<Duration> MAX_TOTAL_TIME =
            key(PREFIX + "max-total-time")
                    .durationType()
                    .defaultValue(WebhookConfig.DEFAULT.maxTotalTime())
                    .withDescription(
                            "From a result's arrival at the stage to its dead letter when no"
                                    + " attempt succeeded.");

    public static final ConfigOption<Duration> ATTEMPT_TIMEOUT =
            key(PREFIX + "attempt-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription(
                            "Longest one attempt may take: connect, send and the answer's"
                                    + " status line.");

    public static final ConfigOption<Integer> THREADS =
            key(PREFIX + "threads")
                    .intType()
                    .defaultValue(WebhookConfig.DEFAULT.threads())
                    .withDescription("Attempts at once per subtask.");

    public static final ConfigOption<Integer> CAPACITY =
            key(PREFIX + "capacity")
                    .intType()
                    .defaultValue(WebhookConfig.DEFAULT.capacity())
                    .withDescription(
                            "Results in delivery per subtask, those waiting for a retry included.");

    private WebhookOptions() {}

    /** What the stage needs: a sender per task and how hard to try. */
    public record Delivery(WebhookSenderFactory senders, WebhookConfig config, String summary) {}

    /**
     * The delivery settings, or empty when no secret is configured (webhooks off).
     *
     * @throws IllegalArgumentException when more than one source of the secret is set
     */
    public static Optional<Delivery> delivery(ReadableConfig config) {
        Optional<String> secret = config.getOptional(SECRET).filter(s -> !s.isBlank());
        Optional<String> env = config.getOptional(SECRET_ENV).filter(s -> !s.isBlank());
        Optional<String> file = config.getOptional(SECRET_FILE).filter(s -> !s.isBlank());
        long sources = List.of(secret, env, file).stream().filter(Optional::isPresent).count();
        if (sources == 0) {
            return Optional.empty();
        }
        if (sources > 1) {
            throw new IllegalArgumentException(
                    "set one of "
                            + SECRET.key()
                            + ", "
                            + SECRET_ENV.key()
                            + ", "
                            + SECRET_FILE.key());
        }
        CallbackAddressPolicy policy =
                new CallbackAddressPolicy(
                        config.get(ALLOWED_HOSTS), config.get(ALLOW_PRIVATE_NETWORKS));
        Duration attemptTimeout = config.get(ATTEMPT_TIMEOUT);
        WebhookSettings settings =
                secret.isPresent()
                        ? WebhookSettings.withSecret(secret.get(), policy, attemptTimeout)
                        : WebhookSettings.withSecretFrom(
                                env.orElse(null), file.orElse(null), policy, attemptTimeout);
        WebhookConfig retries =
                new WebhookConfig(
                        config.get(MAX_ATTEMPTS),
                        config.get(INITIAL_BACKOFF),
                        config.get(MAX_BACKOFF),
                        config.get(MAX_TOTAL_TIME),
                        config.get(THREADS),
                        config.get(CAPACITY));
        return Optional.of(
                new Delivery(
                        HttpWebhookSender.factory(settings), retries, settings + ", " + retries));
    }
}
