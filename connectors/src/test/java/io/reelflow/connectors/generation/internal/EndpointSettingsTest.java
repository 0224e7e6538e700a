package io.reelflow.connectors.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.connectors.internal.http.BearerToken;
import io.reelflow.operators.port.ModelEndpoint;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link EndpointSettings} and {@link BearerToken}. */
class EndpointSettingsTest {

    @Test
    void shouldReadTypedOptionsWithDefaults() {
        EndpointSettings settings =
                settings(Map.of("download-timeout", "10 s", "max-download-size", "64 mb"));

        assertThat(settings.downloadTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.maxDownloadBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(settings.responseFormat()).isEqualTo("b64_json");
        assertThat(settings.token().toString()).isEqualTo("BearerToken[none]");
    }

    @Test
    void shouldReadTheRequestTimeoutThePortWritesInIso8601() {
        // The generation stage sets ModelEndpoint.REQUEST_TIMEOUT with Duration.toString().
        assertThat(settings(Map.of("request-timeout", "PT2M30S")).requestTimeout())
                .isEqualTo(Duration.ofSeconds(150));
        assertThat(settings(Map.of("request-timeout", "90 s")).requestTimeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> settings(Map.of("request-timeout", "PT0S")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void shouldNameEndpointAndOptionWhenWrong() {
        assertThatThrownBy(() -> settings(Map.of("api-key", "sk-123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint 'wan'")
                .hasMessageContaining("unknown option 'api-key'")
                .hasMessageNotContaining("sk-123");
        assertThatThrownBy(() -> settings(Map.of("request-timeout", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint 'wan'");
        assertThatThrownBy(() -> settings(Map.of("token-env", "A", "token-file", "/b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> settings(Map.of("response-format", "png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("response-format");
    }

    @Test
    void shouldReadTokenFileAtEachCallAndNeverShowIt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("token"), "first-secret\n");
        BearerToken token = settings(Map.of("token-file", secret.toString())).token();

        assertThat(token.read()).hasValue("first-secret");
        Files.writeString(secret, "rotated-secret");
        assertThat(token.read()).hasValue("rotated-secret");
        assertThat(token.toString()).doesNotContain("secret\n").doesNotContain("rotated-secret");
    }

    @Test
    void shouldNameMissingTokenSourceWithoutAValue() {
        BearerToken token = BearerToken.of("REELFLOW_TEST_NO_SUCH_TOKEN", null);

        assertThatThrownBy(token::read)
                .hasMessageContaining("REELFLOW_TEST_NO_SUCH_TOKEN")
                .hasMessageContaining("not set");
    }

    private static EndpointSettings settings(Map<String, String> options) {
        return EndpointSettings.of(
                new ModelEndpoint(
                        "wan", URI.create("http://localhost:8000"), "openai-videos", 1, options));
    }
}
