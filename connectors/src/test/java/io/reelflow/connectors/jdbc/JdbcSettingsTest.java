package io.reelflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link JdbcSettings}. */
class JdbcSettingsTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/reelflow";

    @Test
    void shouldUseDefaultBatching() {
        JdbcSettings settings = JdbcSettings.of(URL, "reelflow", "pw");

        assertThat(settings.batchSize()).isEqualTo(100);
        assertThat(settings.batchIntervalMs()).isEqualTo(1_000);
        assertThat(settings.maxRetries()).isEqualTo(3);
    }

    @Test
    void shouldRejectNonPostgresUrl() {
        assertThatThrownBy(() -> JdbcSettings.of("jdbc:mysql://h/db", "u", "p"))
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void shouldNameInvalidBatching() {
        JdbcSettings settings = JdbcSettings.of(URL, "u", "p");

        assertThatThrownBy(() -> settings.withBatching(0, 100, 1))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> settings.withBatching(1, -1, 1))
                .hasMessageContaining("batchIntervalMs");
        assertThatThrownBy(() -> settings.withBatching(1, 100, -1))
                .hasMessageContaining("maxRetries");
    }

    @Test
    void shouldHidePasswordInToString() {
        assertThat(JdbcSettings.of(URL, "reelflow", "hunter2").toString())
                .doesNotContain("hunter2")
                .contains("reelflow");
    }
}
