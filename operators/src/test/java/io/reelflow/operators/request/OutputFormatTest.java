package io.reelflow.operators.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link OutputFormat}. */
class OutputFormatTest {
    @Test
    void shouldMapResolutionsAndAspectRatiosToEvenSizes() {
        assertThat(OutputFormat.resolve("720p", "16:9")).containsExactly(1280, 720);
        assertThat(OutputFormat.resolve("1080p", "9:16")).containsExactly(1080, 1920);
        assertThat(OutputFormat.resolve("360p", "16:9")).containsExactly(640, 360);
        assertThat(OutputFormat.resolve("240p", "16:9")).containsExactly(428, 240);
        assertThat(OutputFormat.resolve("2160p", "1:1")).containsExactly(2160, 2160);
    }

    @Test
    void shouldNameTheSupportedValues() {
        assertThatThrownBy(() -> OutputFormat.resolve("720p", "4:3"))
                .hasMessageContaining("unsupported aspect ratio '4:3'");
        assertThatThrownBy(() -> OutputFormat.resolve(null, "16:9"))
                .hasMessageContaining("unsupported resolution");
    }
}
