package io.reelflow.operators.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Tests for {@link SpeechActivity}. */
class SpeechActivityTest {

    /** {@code seconds} of envelope at 100 values a second. */
    private static float[] envelope(double seconds, IntToDoubleFunction value) {
        float[] envelope = new float[(int) Math.round(seconds * 100)];
        for (int i = 0; i < envelope.length; i++) {
            envelope[i] = (float) value.applyAsDouble(i);
        }
        return envelope;
    }

    @Test
    void shouldFindSyllabicModulationInAFourHertzPulse() {
        // 4 syllables a second: 150 ms on, 100 ms off.
        float[] syllables = envelope(3, i -> i % 25 < 15 ? 0.1 : 0.002);

        assertThat(SpeechActivity.modulation(syllables)).isGreaterThan(0.5);
    }

    @Test
    void shouldFindLittleInASteadyOrSlowlyChangingBed() {
        float[] steady = envelope(3, i -> 0.1);
        float[] swelling = envelope(3, i -> 0.1 + 0.05 * Math.sin(2 * Math.PI * 0.5 * i / 100));

        assertThat(SpeechActivity.modulation(steady)).isLessThan(0.01);
        assertThat(SpeechActivity.modulation(swelling)).isLessThan(0.1);
    }

    @Test
    void shouldGiveNothingForSilenceOrTooShortAStretch() {
        assertThat(SpeechActivity.modulation(envelope(3, i -> 0))).isZero();
        assertThat(SpeechActivity.modulation(envelope(0.2, i -> i % 2))).isZero();
    }
}
