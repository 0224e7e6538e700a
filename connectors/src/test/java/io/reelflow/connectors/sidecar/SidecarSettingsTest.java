package io.reelflow.connectors.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link SidecarSettings}. */
class SidecarSettingsTest {

    @Test
    void shouldBuildGenerateUriWithoutDoubleSlash() {
        assertThat(SidecarSettings.of("http://127.0.0.1:8090/", "reference").generateUri())
                .hasToString("http://127.0.0.1:8090/v1/generate");
    }

    @Test
    void shouldUseDefaultTimeouts() {
        SidecarSettings settings = SidecarSettings.of("http://127.0.0.1:8090", "reference");

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldRejectInvalidSettingsNamingThem() {
        assertThatThrownBy(() -> SidecarSettings.of("localhost:8090", "m"))
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> SidecarSettings.of("http://127.0.0.1:8090", " "))
                .hasMessageContaining("model");
        assertThatThrownBy(
                        () ->
                                new SidecarSettings(
                                        "http://127.0.0.1:8090",
                                        "m",
                                        Duration.ZERO,
                                        Duration.ofSeconds(1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(
                        () ->
                                new SidecarSettings(
                                        "http://127.0.0.1:8090", "m", Duration.ofSeconds(1), null))
                .hasMessageContaining("requestTimeout");
    }

    @Test
    void shouldClassifyStatusesByRetryability() {
        assertThat(ReferenceSidecarClient.isRetryable(429)).isTrue();
        assertThat(ReferenceSidecarClient.isRetryable(500)).isTrue();
        assertThat(ReferenceSidecarClient.isRetryable(503)).isTrue();
        assertThat(ReferenceSidecarClient.isRetryable(400)).isFalse();
        assertThat(ReferenceSidecarClient.isRetryable(404)).isFalse();
    }
}
