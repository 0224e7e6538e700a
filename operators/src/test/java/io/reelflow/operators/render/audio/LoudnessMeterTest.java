package io.reelflow.operators.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Tests for {@link LoudnessMeter}. */
class LoudnessMeterTest {

    @Test
    void shouldKeepTheLastIntegratedLoudnessAndTheHighestPeak() {
        LoudnessMeter meter = new LoudnessMeter();

        meter.accept("lavfi.r128.I", "-20.5");
        meter.accept("lavfi.r128.true_peaks_ch0", "0.250");
        meter.accept("lavfi.r128.true_peaks_ch1", "0.500");
        meter.accept("lavfi.r128.I", "-18.25");
        meter.accept("lavfi.r128.LRA", "4.300");
        meter.accept("lavfi.r128.true_peak", "0.400");

        Loudness loudness = meter.result();
        assertThat(loudness.integratedLufs()).isEqualTo(-18.25);
        assertThat(loudness.truePeakDbtp()).isCloseTo(-6.02, within(0.01));
        assertThat(loudness.rangeLu()).isEqualTo(4.3);
        assertThat(loudness.silent()).isFalse();
    }

    @Test
    void shouldIgnoreValuesThatAreNotNumbers() {
        LoudnessMeter meter = new LoudnessMeter();

        meter.accept("lavfi.r128.I", "-16.0");
        meter.accept("lavfi.r128.I", "nan");
        meter.accept("lavfi.r128.I", "-inf");
        meter.accept("lavfi.r128.I", "garbage");
        meter.accept("lavfi.r128.true_peak", "inf");
        meter.accept("lavfi.r128.M", "-120.3");
        meter.accept("lavfi.astats.Overall.RMS_level", "-3");

        assertThat(meter.result().integratedLufs()).isEqualTo(-16.0);
        assertThat(meter.result().truePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void shouldReportSilenceWhenNothingWasMeasured() {
        Loudness loudness = new LoudnessMeter().result();

        assertThat(loudness.integratedLufs()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(loudness.truePeakDbtp()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(loudness.silent()).isTrue();
        assertThat(new Loudness(-70.0, -80, 0).silent()).isTrue();
    }

    @Test
    void shouldParseFfmpegNumberSpellings() {
        assertThat(LoudnessMeter.parse(" -16.2 ")).isEqualTo(-16.2);
        assertThat(LoudnessMeter.parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LoudnessMeter.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LoudnessMeter.parse("nan")).isNaN();
        assertThat(LoudnessMeter.parse(null)).isNaN();
    }
}
