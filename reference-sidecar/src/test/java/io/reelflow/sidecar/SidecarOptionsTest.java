package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link SidecarOptions}. */
class SidecarOptionsTest {

    @Test
    void shouldUseDefaultsWithoutArguments() {
        SidecarOptions options = SidecarOptions.parse();

        assertThat(options).isEqualTo(SidecarOptions.defaults());
        assertThat(options.mode()).isEqualTo(SidecarMode.VIDEO_JOBS);
        assertThat(options.mode().protocol()).isEqualTo("openai-videos");
        assertThat(options.bearerToken()).isNull();
    }

    @Test
    void shouldReadEveryOption() {
        SidecarOptions options =
                SidecarOptions.parse(
                        "--port",
                        "0",
                        "--slots",
                        "4",
                        "--queue",
                        "0",
                        "--job-ms",
                        "300",
                        "--fail-first",
                        "2",
                        "--host",
                        "0.0.0.0",
                        "--mode",
                        "comfyui",
                        "--image-url-ttl-s",
                        "5",
                        "--speech-engine",
                        "/opt/espeak-ng/bin/espeak-ng");

        assertThat(options)
                .isEqualTo(
                        new SidecarOptions(
                                "0.0.0.0",
                                0,
                                SidecarMode.COMFYUI,
                                4,
                                0,
                                Duration.ofMillis(300),
                                2,
                                null,
                                Duration.ofSeconds(5),
                                "/opt/espeak-ng/bin/espeak-ng"));
    }

    @Test
    void shouldMapEveryModeToItsClientProtocol() {
        assertThat(SidecarMode.parse("video-jobs").protocol()).isEqualTo("openai-videos");
        assertThat(SidecarMode.parse("multipart").protocol()).isEqualTo("openai-videos-multipart");
        assertThat(SidecarMode.parse("images").protocol()).isEqualTo("openai-images");
        assertThat(SidecarMode.parse("comfyui").protocol()).isEqualTo("comfyui");
    }

    @Test
    void shouldHideTheTokenInToString() {
        SidecarOptions options = SidecarOptions.defaults().withBearerToken("s3cret-token");

        assertThat(options.toString())
                .doesNotContain("s3cret-token")
                .contains("bearerToken=******");
    }

    @Test
    void shouldNameUnknownOrInvalidOption() {
        assertThatThrownBy(() -> SidecarOptions.parse("--gpu", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--gpu");
        assertThatThrownBy(() -> SidecarOptions.parse("--port", "eighty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> SidecarOptions.parse("--slots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value for --slots");
        assertThatThrownBy(() -> SidecarOptions.parse("--slots", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slots");
        assertThatThrownBy(() -> SidecarOptions.parse("--mode", "triton"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("video-jobs, multipart, images, comfyui");
        assertThatThrownBy(() -> SidecarOptions.parse("--token-env", "REELFLOW_NO_SUCH_VARIABLE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not set");
    }
}
