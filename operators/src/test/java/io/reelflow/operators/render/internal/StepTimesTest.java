package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tests for {@link StepTimes}. */
class StepTimesTest {

    @Test
    void shouldTimeEachStepFromTheEndOfThePreviousOne() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        StepTimes steps = new StepTimes(now::get);

        now.addAndGet(120_000_000L);
        steps.lap("downloads");
        now.addAndGet(9_800_400_000L);
        steps.lap("picture");

        assertThat(steps.totalMillis()).isEqualTo(9_920);
        assertThat(steps).hasToString("downloads 120 ms, picture 9800 ms; total 9920 ms");
    }
}
