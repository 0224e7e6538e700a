package io.reelflow.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link ClipRequest}. */
class ClipRequestTest {

    @Test
    void shouldReportDurationOfFramesAtFps() {
        assertThat(new ClipRequest("waves", 1, 640, 360, 16, 81).durationSeconds())
                .isEqualTo(81 / 16.0);
        assertThat(ClipRequest.still("a still", 1, 64, 64).frames()).isEqualTo(1);
    }

    @Test
    void shouldNameTheFieldOutOfRange() {
        assertThatThrownBy(() -> new ClipRequest(" ", 1, 64, 64, 24, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prompt");
        assertThatThrownBy(() -> new ClipRequest("x", 1, 63, 64, 24, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width must be even");
        assertThatThrownBy(() -> new ClipRequest("x", 1, 64, 4000, 24, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("height");
        assertThatThrownBy(() -> new ClipRequest("x", 1, 64, 64, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fps");
        assertThatThrownBy(() -> new ClipRequest("x", 1, 64, 64, 24, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frames");
    }
}
