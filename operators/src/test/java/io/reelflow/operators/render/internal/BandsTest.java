package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Tests for {@link Bands}. */
class BandsTest {

    @Test
    void shouldRunEveryBandExactlyOnceInEveryRun() throws IOException {
        try (Bands bands = Bands.of(3)) {
            for (int run = 0; run < 500; run++) {
                AtomicIntegerArray seen = new AtomicIntegerArray(64);
                int[] count = new int[1];
                bands.run(
                        (band, total, worker) -> {
                            seen.incrementAndGet(band);
                            count[0] = total;
                        });

                assertThat(count[0]).isEqualTo(3 * Bands.BANDS_PER_THREAD);
                for (int band = 0; band < count[0]; band++) {
                    assertThat(seen.get(band)).as("run %d band %d", run, band).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void shouldRunOneBandOnTheCallerWhenSingleThreaded() throws IOException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        int[] shape = new int[3];
        try (Bands bands = Bands.of(1)) {
            bands.run(
                    (band, total, worker) -> {
                        threads.add(Thread.currentThread());
                        shape[0] = band;
                        shape[1] = total;
                        shape[2] = worker;
                    });
        }

        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(shape).containsExactly(0, 1, 0);
    }

    @Test
    void shouldNameWorkersBelowTheThreadCount() throws IOException {
        Set<Integer> workers = ConcurrentHashMap.newKeySet();
        try (Bands bands = Bands.of(2)) {
            for (int run = 0; run < 50; run++) {
                bands.run((band, total, worker) -> workers.add(worker));
            }
        }

        assertThat(workers).isNotEmpty().allSatisfy(w -> assertThat(w).isBetween(0, 1));
    }

    @Test
    void shouldRethrowTheFailureOfABandAndStayUsable() throws IOException {
        try (Bands bands = Bands.of(2)) {
            assertThatThrownBy(
                            () ->
                                    bands.run(
                                            (band, total, worker) -> {
                                                if (band == total - 1) {
                                                    throw new IOException("band broke");
                                                }
                                            }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("band broke");
            AtomicIntegerArray ran = new AtomicIntegerArray(1);
            bands.run((band, total, worker) -> ran.incrementAndGet(0));
            assertThat(ran.get(0)).isEqualTo(2 * Bands.BANDS_PER_THREAD);
        }
    }

    @Test
    void shouldSplitRowsIntoContiguousBandsCoveringAll() {
        int rows = 721;
        int bands = 8;
        assertThat(Bands.firstRow(0, bands, rows)).isZero();
        assertThat(Bands.firstRow(bands, bands, rows)).isEqualTo(rows);
        for (int band = 0; band < bands; band++) {
            assertThat(Bands.firstRow(band + 1, bands, rows))
                    .isGreaterThanOrEqualTo(Bands.firstRow(band, bands, rows));
        }
    }

    @Test
    void shouldRejectFewerThanOneThread() {
        assertThatThrownBy(() -> Bands.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be positive");
    }
}
