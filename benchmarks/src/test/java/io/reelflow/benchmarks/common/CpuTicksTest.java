package io.reelflow.benchmarks.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link CpuTicks}. */
class CpuTicksTest {

    private static final String BEFORE =
            "cpu  300 0 100 1000 50 0 0 0 0 0\n"
                    + "cpu0 200 0 50 400 20 0 0 0 0 0\n"
                    + "cpu1 100 0 50 600 30 0 0 0 0 0\n"
                    + "intr 12345\n";

    // cpu0: 80 busy of 100 (user 60, system 10, irq 5, softirq 5; idle 15, iowait 5 are not busy).
    // cpu1: 25 busy of 100.
    private static final String AFTER =
            "cpu  380 0 130 1080 60 0 0 0 0 0\n"
                    + "cpu0 260 0 60 415 25 5 5 0 0 0\n"
                    + "cpu1 120 0 55 675 30 0 0 0 0 0\n"
                    + "ctxt 99\n";

    @Test
    void shouldGiveEachCoresBusyShareLeavingIdleAndIowaitOut() {
        Map<String, Double> busy = CpuTicks.parse(AFTER).busySince(CpuTicks.parse(BEFORE));

        assertThat(busy)
                .containsEntry("cpu0", 0.8)
                .containsEntry("cpu1", 0.25)
                .containsEntry("all", 0.525);
    }

    @Test
    void shouldNotCountGuestTimeTwice() {
        // guest (column 9) is already inside user: 50 busy of 100, not 90 of 140.
        CpuTicks before = CpuTicks.parse("cpu0 0 0 0 0 0 0 0 0 0 0\n");
        CpuTicks after = CpuTicks.parse("cpu0 50 0 0 50 0 0 0 0 40 0\n");

        assertThat(after.busySince(before)).containsEntry("cpu0", 0.5);
    }

    @Test
    void shouldGiveNothingForSnapshotsOfDifferentCores() {
        CpuTicks one = CpuTicks.parse("cpu0 1 0 0 1 0\n");
        CpuTicks two = CpuTicks.parse(BEFORE);

        assertThat(two.busySince(one)).isEmpty();
        assertThat(CpuTicks.parse("intr 1\n").cores()).isEmpty();
    }
}
