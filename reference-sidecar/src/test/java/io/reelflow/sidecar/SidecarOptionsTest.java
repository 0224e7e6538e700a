package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link SidecarOptions}. */
class SidecarOptionsTest {

    @Test
    void shouldUseDefaultsWithoutArguments() {
        assertThat(SidecarOptions.parse())
                .isEqualTo(new SidecarOptions("127.0.0.1", 8090, 2, 8, 0, 0));
    }

    @Test
    void shouldReadEveryOption() {
        SidecarOptions options =
                SidecarOptions.parse(
                        "--port",
                        "0",
                        "--threads",
                        "4",
                        "--queue",
                        "0",
                        "--latency-ms",
                        "300",
                        "--fail-first",
                        "2",
                        "--host",
                        "0.0.0.0");

        assertThat(options).isEqualTo(new SidecarOptions("0.0.0.0", 0, 4, 0, 300, 2));
    }

    @Test
    void shouldNameUnknownOrInvalidOption() {
        assertThatThrownBy(() -> SidecarOptions.parse("--gpu", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--gpu");
        assertThatThrownBy(() -> SidecarOptions.parse("--port", "eighty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> SidecarOptions.parse("--threads"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing value for --threads");
        assertThatThrownBy(() -> SidecarOptions.parse("--threads", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }
}
