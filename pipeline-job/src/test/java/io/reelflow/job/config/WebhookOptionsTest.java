package io.reelflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.webhook.WebhookConfig;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebhookOptions}. */
class WebhookOptionsTest {

    @Test
    void shouldBeOffWithoutASecret() {
        Configuration config = new Configuration();
        config.setString("reelflow.webhook.allowed-hosts", "127.0.0.1");
        config.setString("reelflow.webhook.secret", "  ");

        assertThat(WebhookOptions.delivery(config)).isEmpty();
    }

    @Test
    void shouldReadTheRetriesAndThePolicyWithoutShowingTheSecret() {
        Configuration config = new Configuration();
        config.setString("reelflow.webhook.secret", "whsec-0123456789");
        config.setString("reelflow.webhook.allowed-hosts", "127.0.0.1;hooks.internal");
        config.setString("reelflow.webhook.max-attempts", "3");
        config.setString("reelflow.webhook.initial-backoff", "500 ms");
        config.setString("reelflow.webhook.max-total-time", "2 min");

        WebhookOptions.Delivery delivery = WebhookOptions.delivery(config).orElseThrow();

        assertThat(delivery.config())
                .isEqualTo(
                        new WebhookConfig(
                                3,
                                Duration.ofMillis(500),
                                WebhookConfig.DEFAULT.maxBackoff(),
                                Duration.ofMinutes(2),
                                WebhookConfig.DEFAULT.threads(),
                                WebhookConfig.DEFAULT.capacity()));
        assertThat(delivery.summary())
                .contains("127.0.0.1", "hooks.internal", "allowPrivateNetworks=false")
                .doesNotContain("whsec-0123456789");
        assertThat(delivery.senders()).isNotNull();
    }

    @Test
    void shouldReadTheSecretOnTheTaskManagersWhenNamed() {
        Configuration config = new Configuration();
        config.setString("reelflow.webhook.secret-env", "REELFLOW_WEBHOOK_SECRET");

        assertThat(WebhookOptions.delivery(config).orElseThrow().summary())
                .contains("env REELFLOW_WEBHOOK_SECRET");
    }

    @Test
    void shouldRefuseTwoSourcesOfTheSecret() {
        Configuration config = new Configuration();
        config.setString("reelflow.webhook.secret", "whsec-0123456789");
        config.setString("reelflow.webhook.secret-file", "/var/run/secrets/webhook");

        assertThatThrownBy(() -> WebhookOptions.delivery(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set one of reelflow.webhook.secret");
    }
}
