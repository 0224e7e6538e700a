package io.reelflow.benchmarks.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link SsimLog}. */
class SsimLogTest {

    @Test
    void shouldReadTheMeanOfAllPlanesFromTheSummaryLine() {
        String log =
                "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'ours.mp4':\n"
                        + "  Stream #0:0[0x1](und): Video: h264 (High), yuv420p, 1280x720, 30 fps\n"
                        + "Output #0, null, to 'pipe:':\n"
                        + "frame= 1800 fps=140 q=-0.0 Lsize=N/A time=00:01:00.00 speed=4.6x\n"
                        + "[Parsed_ssim_0 @ 0x5581c0a4b2c0] SSIM Y:0.981547 (17.339620)"
                        + " U:0.990015 (20.006131) V:0.989238 (19.681409) All:0.984550 (18.110767)\n";

        assertThat(SsimLog.mean(log)).isEqualTo(0.984550);
    }

    @Test
    void shouldTakeTheLastSummaryWhenThereAreSeveral() {
        String log =
                "[Parsed_ssim_0 @ 0x1] SSIM Y:0.5 (3.0) U:0.5 (3.0) V:0.5 (3.0) All:0.500000 (3.0)\n"
                        + "[Parsed_ssim_0 @ 0x2] SSIM Y:0.9 (10.0) U:0.9 (10.0) V:0.9 (10.0)"
                        + " All:0.912345 (10.6)\n";

        assertThat(SsimLog.mean(log)).isEqualTo(0.912345);
    }

    @Test
    void shouldFailClearlyWhenTheComparisonProducedNoSummary() {
        assertThatThrownBy(
                        () ->
                                SsimLog.mean(
                                        "[Parsed_ssim_0 @ 0x1] Width and height of input videos"
                                                + " must be same.\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no SSIM summary")
                .hasMessageContaining("must be same");
    }
}
