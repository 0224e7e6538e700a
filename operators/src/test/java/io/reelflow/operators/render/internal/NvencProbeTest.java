package io.reelflow.operators.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.reelflow.operators.render.internal.NvencProbe.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tests for {@link NvencProbe}. */
class NvencProbeTest {

    @Test
    void shouldProbeOnceForAllCallersAndThreads() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        NvencProbe probe =
                new NvencProbe(
                        () -> {
                            runs.incrementAndGet();
                            return Outcome.unavailable("no CUDA driver (test)");
                        });
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                outcomes.add(
                        callers.submit(
                                () -> {
                                    start.await();
                                    return probe.outcome();
                                }));
            }
            start.countDown();
            Outcome first = outcomes.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Outcome> outcome : outcomes) {
                assertThat(outcome.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(runs).hasValue(1);
        assertThat(probe.probes()).isEqualTo(1);
    }

    @Test
    void shouldSayWhichEncoderIsUsedAndWhy() {
        assertThat(NvencProbe.describe(Outcome.unavailable("no CUDA driver (Cannot load x)")))
                .isEqualTo("no CUDA driver (Cannot load x): encoding with libx264");
        assertThat(NvencProbe.describe(Outcome.usable()))
                .isEqualTo("h264_nvenc available: encoding on the GPU");
    }

    @Test
    void shouldExplainFailuresInFfmpegsWordsOrByItsErrorCode() {
        assertThat(NvencProbe.reason(List.of("Cannot load libcuda.so.1"), -1))
                .isEqualTo("no CUDA driver (Cannot load libcuda.so.1)");
        assertThat(NvencProbe.reason(List.of("No capable devices found"), -1))
                .isEqualTo("h264_nvenc does not open (No capable devices found)");
        // -38 is AVERROR(ENOSYS) on Linux.
        assertThat(NvencProbe.reason(List.of(), -38))
                .isEqualTo("h264_nvenc does not open (Function not implemented)");
    }

    /** The machines this project builds on have no GPU: the fallback is what runs there. */
    @Test
    void shouldFindNvencUnusableWithoutCudaDriver() {
        assumeThat(Path.of("/dev/nvidiactl")).as("an NVIDIA driver is loaded").doesNotExist();

        Outcome outcome = NvencProbe.shared().outcome();

        assertThat(outcome.available()).isFalse();
        assertThat(outcome.reason()).startsWith("no CUDA driver (Cannot load libcuda.so");
        assertThat(NvencProbe.shared().outcome()).isSameAs(outcome);
        assertThat(NvencProbe.shared().probes()).isEqualTo(1);
    }
}
